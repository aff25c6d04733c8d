using System.Net;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's ValidateEndpoints / validateEndpointSubsets.</summary>
public static class EndpointsValidation
{
    public static List<FieldError> ValidateCreate(V1Endpoints endpoints)
    {
        var errs = MetadataValidation.ValidateObjectMeta(endpoints.Metadata, true, NameValidation.NameIsDnsSubdomain);
        ValidateSubsets(errs, endpoints.Subsets, FieldPath.Root("subsets"));
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1Endpoints endpoints, V1Endpoints old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(endpoints.Metadata, old.Metadata);
        ValidateSubsets(errs, endpoints.Subsets, FieldPath.Root("subsets"));
        return errs;
    }

    private static void ValidateSubsets(List<FieldError> errs, IList<V1EndpointSubset>? subsets, FieldPath path)
    {
        for (var i = 0; i < (subsets?.Count ?? 0); i++)
        {
            var ss = subsets![i];
            var ssPath = path.Index(i);
            if ((ss.Addresses?.Count ?? 0) == 0 && (ss.NotReadyAddresses?.Count ?? 0) == 0)
            {
                errs.Add(FieldErrors.Required(ssPath, "must specify `addresses` or `notReadyAddresses`"));
            }
            ValidateAddresses(errs, ss.Addresses, ssPath.Child("addresses"));
            ValidateAddresses(errs, ss.NotReadyAddresses, ssPath.Child("notReadyAddresses"));
            var ports = ss.Ports ?? [];
            for (var p = 0; p < ports.Count; p++)
            {
                var port = ports[p];
                var portPath = ssPath.Child("ports").Index(p);
                if (ports.Count > 1 && string.IsNullOrEmpty(port.Name))
                {
                    errs.Add(FieldErrors.Required(portPath.Child("name")));
                }
                else if (!string.IsNullOrEmpty(port.Name))
                {
                    CommonValidation.Dns1123Label(errs, port.Name, portPath.Child("name"));
                }
                errs.AddRange(NameValidation.IsValidPortNum(port.Port).Select(m => FieldErrors.Invalid(portPath.Child("port"), port.Port, m)));
                if (string.IsNullOrEmpty(port.Protocol))
                {
                    errs.Add(FieldErrors.Required(portPath.Child("protocol")));
                }
                else if (Array.IndexOf(ContainerValidation.PortProtocols, port.Protocol) < 0)
                {
                    errs.Add(FieldErrors.NotSupported(portPath.Child("protocol"), port.Protocol, ContainerValidation.PortProtocols));
                }
            }
        }
    }

    private static void ValidateAddresses(List<FieldError> errs, IList<V1EndpointAddress>? addresses, FieldPath path)
    {
        for (var i = 0; i < (addresses?.Count ?? 0); i++)
        {
            var addr = addresses![i];
            var addrPath = path.Index(i);
            if (!IPAddress.TryParse(addr.Ip ?? "", out var ip))
            {
                errs.Add(FieldErrors.Invalid(addrPath.Child("ip"), addr.Ip ?? "", "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
            }
            else if (SpecialIpError(ip) is { } msg)
            {
                errs.Add(FieldErrors.Invalid(addrPath.Child("ip"), addr.Ip, msg));
            }
            if (!string.IsNullOrEmpty(addr.Hostname))
            {
                CommonValidation.Dns1123Label(errs, addr.Hostname, addrPath.Child("hostname"));
            }
            if (!string.IsNullOrEmpty(addr.NodeName))
            {
                errs.AddRange(NameValidation.IsDns1123Subdomain(addr.NodeName).Select(m => FieldErrors.Invalid(addrPath.Child("nodeName"), addr.NodeName, m)));
            }
        }
    }

    /// <summary>upstream's ValidateNonSpecialIP: endpoints may not point at unspecified, loopback or link-local IPs.</summary>
    internal static string? SpecialIpError(IPAddress ip)
    {
        if (ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any))
        {
            return "may not be unspecified (0.0.0.0)";
        }
        if (IPAddress.IsLoopback(ip))
        {
            return "may not be in the loopback range (127.0.0.0/8, ::1/128)";
        }
        var bytes = ip.GetAddressBytes();
        if (ip.IsIPv6LinkLocal || (bytes.Length == 4 && bytes[0] == 169 && bytes[1] == 254))
        {
            return "may not be in the link-local range (169.254.0.0/16, fe80::/10)";
        }
        if ((bytes.Length == 4 && bytes[0] == 224 && bytes[1] == 0 && bytes[2] == 0) || (bytes.Length == 16 && bytes[0] == 0xff && bytes[1] == 0x02))
        {
            return "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)";
        }
        return null;
    }
}
