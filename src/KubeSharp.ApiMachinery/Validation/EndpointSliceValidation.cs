using System.Net;
using System.Net.Sockets;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>upstream's discovery ValidateEndpointSlice / ValidateEndpointSliceUpdate.</summary>
public static class EndpointSliceValidation
{
    private static readonly string[] AddressTypes = ["FQDN", "IPv4", "IPv6"];

    /// <summary>upstream's maxPorts of a slice.</summary>
    private const int MaxPorts = 20000;

    public static List<FieldError> ValidateCreate(V1EndpointSlice slice)
    {
        var errs = MetadataValidation.ValidateObjectMeta(slice.Metadata, true, NameValidation.NameIsDnsSubdomain);
        ValidateContent(errs, slice);
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1EndpointSlice slice, V1EndpointSlice old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(slice.Metadata, old.Metadata);
        ValidateContent(errs, slice);
        if (slice.AddressType != old.AddressType)
        {
            errs.Add(FieldErrors.Immutable(FieldPath.Root("addressType"), slice.AddressType ?? ""));
        }
        return errs;
    }

    private static void ValidateContent(List<FieldError> errs, V1EndpointSlice slice)
    {
        if (string.IsNullOrEmpty(slice.AddressType))
        {
            errs.Add(FieldErrors.Required(FieldPath.Root("addressType")));
        }
        else if (Array.IndexOf(AddressTypes, slice.AddressType) < 0)
        {
            errs.Add(FieldErrors.NotSupported(FieldPath.Root("addressType"), slice.AddressType, AddressTypes));
        }
        else
        {
            ValidateEndpoints(errs, slice.Endpoints, slice.AddressType, FieldPath.Root("endpoints"));
        }
        var names = new HashSet<string>(StringComparer.Ordinal);
        var ports = slice.Ports ?? [];
        if (ports.Count > MaxPorts)
        {
            errs.Add(FieldErrors.TooMany(FieldPath.Root("ports"), ports.Count, MaxPorts));
            return;
        }
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            var portPath = FieldPath.Root("ports").Index(i);
            var name = port.Name ?? "";
            if (name.Length > 0)
            {
                CommonValidation.Dns1123Label(errs, name, portPath.Child("name"));
            }
            if (!names.Add(name))
            {
                errs.Add(FieldErrors.Duplicate(portPath.Child("name"), name));
            }
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

    private static void ValidateEndpoints(List<FieldError> errs, IList<V1Endpoint>? endpoints, string addressType, FieldPath path)
    {
        if ((endpoints?.Count ?? 0) > 1000)
        {
            errs.Add(FieldErrors.TooMany(path, endpoints!.Count, 1000));
        }
        for (var i = 0; i < (endpoints?.Count ?? 0); i++)
        {
            var ep = endpoints![i];
            var epPath = path.Index(i);
            var addrPath = epPath.Child("addresses");
            var addresses = ep.Addresses ?? [];
            if (addresses.Count == 0)
            {
                errs.Add(FieldErrors.Required(addrPath, "must contain at least 1 address"));
            }
            else if (addresses.Count > 100)
            {
                errs.Add(FieldErrors.TooMany(addrPath, addresses.Count, 100));
            }
            for (var a = 0; a < addresses.Count; a++)
            {
                var addr = addresses[a] ?? "";
                var ok = IPAddress.TryParse(addr, out var ip);
                switch (addressType)
                {
                    case "IPv4" when !ok || ip!.AddressFamily != AddressFamily.InterNetwork:
                        errs.Add(FieldErrors.Invalid(addrPath.Index(a), addr, "must be a valid IPv4 address"));
                        break;
                    case "IPv6" when !ok || ip!.AddressFamily != AddressFamily.InterNetworkV6:
                        errs.Add(FieldErrors.Invalid(addrPath.Index(a), addr, "must be a valid IPv6 address"));
                        break;
                    case "IPv4" or "IPv6" when EndpointsValidation.SpecialIpError(ip!) is { } special:
                        // upstream's ValidateNonSpecialIP, as for v1 Endpoints.
                        errs.Add(FieldErrors.Invalid(addrPath.Index(a), addr, special));
                        break;
                    case "FQDN":
                        CommonValidation.Dns1123Subdomain(errs, addr, addrPath.Index(a));
                        break;
                }
            }
            if (ep.NodeName is not null)
            {
                errs.AddRange(NameValidation.IsDns1123Subdomain(ep.NodeName).Select(m => FieldErrors.Invalid(epPath.Child("nodeName"), ep.NodeName, m)));
            }
            if (ep.Hostname is not null)
            {
                CommonValidation.Dns1123Label(errs, ep.Hostname, epPath.Child("hostname"));
            }
        }
    }
}
