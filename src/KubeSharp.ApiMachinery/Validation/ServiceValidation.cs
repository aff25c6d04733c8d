using System.Net;
using k8s.Models;

namespace KubeSharp.ApiMachinery.Validation;

/// <summary>
/// upstream's ValidateService / ValidateServiceUpdate for the fields KubeSharp serves. ClusterIP allocation and the
/// node-port range are the API server's concern; here only the object's own consistency is checked.
/// </summary>
public static class ServiceValidation
{
    private static readonly FieldPath Spec = FieldPath.Root("spec");
    private static readonly string[] ServiceTypes = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
    private static readonly string[] SessionAffinities = ["ClientIP", "None"];
    private static readonly string[] TrafficPolicies = ["Cluster", "Local"];

    public static List<FieldError> ValidateCreate(V1Service service)
    {
        var errs = MetadataValidation.ValidateObjectMeta(service.Metadata, true, NameValidation.NameIsDns1035Label);
        ValidateSpec(errs, service.Spec ?? new V1ServiceSpec());
        return errs;
    }

    public static List<FieldError> ValidateUpdate(V1Service service, V1Service old)
    {
        var errs = MetadataValidation.ValidateObjectMetaUpdate(service.Metadata, old.Metadata);
        var spec = service.Spec ?? new V1ServiceSpec();
        var oldSpec = old.Spec ?? new V1ServiceSpec();
        // The primary cluster IP is fixed once allocated, unless the service moves to or from ExternalName.
        if (spec.Type != "ExternalName" && oldSpec.Type != "ExternalName")
        {
            var oldIp = PrimaryClusterIp(oldSpec);
            var newIp = PrimaryClusterIp(spec);
            if (oldIp.Length > 0 && newIp.Length > 0 && oldIp != newIp)
            {
                errs.Add(FieldErrors.Invalid(Spec.Child("clusterIPs").Index(0), spec.ClusterIPs is { Count: > 0 } ips ? ips : new List<string> { newIp },
                    "may not change once set"));
            }
        }
        ValidateSpec(errs, spec);
        return errs;
    }

    private static string PrimaryClusterIp(V1ServiceSpec spec) => spec.ClusterIPs is { Count: > 0 } ips ? ips[0] : spec.ClusterIP ?? "";

    private static void ValidateSpec(List<FieldError> errs, V1ServiceSpec spec)
    {
        var ports = spec.Ports ?? [];
        var headless = PrimaryClusterIp(spec) == "None";
        if (ports.Count == 0 && !headless && spec.Type != "ExternalName")
        {
            errs.Add(FieldErrors.Required(Spec.Child("ports")));
        }
        switch (spec.Type)
        {
            case "LoadBalancer" when headless:
                errs.Add(FieldErrors.Invalid(Spec.Child("clusterIPs").Index(0), "None", "may not be set to 'None' for LoadBalancer services"));
                break;
            case "NodePort" when headless:
                errs.Add(FieldErrors.Invalid(Spec.Child("clusterIPs").Index(0), "None", "may not be set to 'None' for NodePort services"));
                break;
            case "ExternalName":
                if (PrimaryClusterIp(spec).Length > 0)
                {
                    errs.Add(FieldErrors.Forbidden(Spec.Child("clusterIPs"), "may not be set for ExternalName services"));
                }
                if ((spec.IpFamilies?.Count ?? 0) > 0)
                {
                    errs.Add(FieldErrors.Forbidden(Spec.Child("ipFamilies"), "may not be set for ExternalName services"));
                }
                if (spec.IpFamilyPolicy is not null)
                {
                    errs.Add(FieldErrors.Forbidden(Spec.Child("ipFamilyPolicy"), "may not be set for ExternalName services"));
                }
                // The CNAME may end with a dot to mark it fully qualified.
                var cname = (spec.ExternalName ?? "").TrimEnd('.');
                if (cname.Length > 0)
                {
                    CommonValidation.Dns1123Subdomain(errs, cname, Spec.Child("externalName"));
                }
                else
                {
                    errs.Add(FieldErrors.Required(Spec.Child("externalName")));
                }
                break;
        }
        ValidatePorts(errs, spec, ports);
        errs.AddRange(MetadataValidation.ValidateLabels(spec.Selector, Spec.Child("selector")));
        if (string.IsNullOrEmpty(spec.SessionAffinity))
        {
            errs.Add(FieldErrors.Required(Spec.Child("sessionAffinity")));
        }
        else if (Array.IndexOf(SessionAffinities, spec.SessionAffinity) < 0)
        {
            errs.Add(FieldErrors.NotSupported(Spec.Child("sessionAffinity"), spec.SessionAffinity, SessionAffinities));
        }
        if (spec.SessionAffinity == "None" && spec.SessionAffinityConfig is not null)
        {
            errs.Add(FieldErrors.Forbidden(Spec.Child("sessionAffinityConfig"), "must not be set when session affinity is None"));
        }
        if (spec.SessionAffinity == "ClientIP" && spec.SessionAffinityConfig?.ClientIP?.TimeoutSeconds is { } timeout
            && (timeout <= 0 || timeout > 86400))
        {
            errs.Add(FieldErrors.Invalid(Spec.Child("sessionAffinityConfig", "clientIP", "timeoutSeconds"), timeout,
                NameValidation.InclusiveRangeError(1, 86400)));
        }
        ValidateClusterIp(errs, spec);
        for (var i = 0; i < (spec.ExternalIPs?.Count ?? 0); i++)
        {
            if (!IPAddress.TryParse(spec.ExternalIPs![i], out _))
            {
                errs.Add(FieldErrors.Invalid(Spec.Child("externalIPs").Index(i), spec.ExternalIPs[i],
                    "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
            }
        }
        if (string.IsNullOrEmpty(spec.Type))
        {
            errs.Add(FieldErrors.Required(Spec.Child("type")));
        }
        else if (Array.IndexOf(ServiceTypes, spec.Type) < 0)
        {
            errs.Add(FieldErrors.NotSupported(Spec.Child("type"), spec.Type, ServiceTypes));
        }
        ValidateTrafficPolicies(errs, spec);
        ValidateLoadBalancerFields(errs, spec);
    }

    private static void ValidatePorts(List<FieldError> errs, V1ServiceSpec spec, IList<V1ServicePort> ports)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<(string, int)>();
        var nodePorts = new HashSet<(string, int)>();
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            var portPath = Spec.Child("ports").Index(i);
            if (ports.Count > 1 && string.IsNullOrEmpty(port.Name))
            {
                errs.Add(FieldErrors.Required(portPath.Child("name")));
            }
            else if (!string.IsNullOrEmpty(port.Name))
            {
                CommonValidation.Dns1123Label(errs, port.Name, portPath.Child("name"));
                if (!names.Add(port.Name))
                {
                    errs.Add(FieldErrors.Duplicate(portPath.Child("name"), port.Name));
                }
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
            CommonValidation.PortNumOrName(errs, port.TargetPort, portPath.Child("targetPort"));
            if (spec.Type == "ClusterIP" && port.NodePort is not (null or 0))
            {
                errs.Add(FieldErrors.Forbidden(portPath.Child("nodePort"), "may not be used when `type` is 'ClusterIP'"));
            }
        }
        for (var i = 0; i < ports.Count; i++)
        {
            if (ports[i].NodePort is { } np and not 0 && !nodePorts.Add((ports[i].Protocol ?? "", np)))
            {
                errs.Add(FieldErrors.Duplicate(Spec.Child("ports").Index(i).Child("nodePort"), np));
            }
        }
        for (var i = 0; i < ports.Count; i++)
        {
            var port = ports[i];
            if (!seen.Add((port.Protocol ?? "", port.Port)))
            {
                errs.Add(FieldErrors.Duplicate(Spec.Child("ports").Index(i), new GoLiteral(
                    $"core.ServicePort{{Name:\"\", Protocol:{GoFormat.Quote(port.Protocol ?? "")}, AppProtocol:(*string)(nil), Port:{port.Port}, " +
                    "TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}, NodePort:0}")));
            }
        }
    }

    private static void ValidateClusterIp(List<FieldError> errs, V1ServiceSpec spec)
    {
        var ips = spec.ClusterIPs is { Count: > 0 } list ? list : string.IsNullOrEmpty(spec.ClusterIP) ? [] : new List<string> { spec.ClusterIP };
        if (spec.ClusterIPs is { Count: > 0 } && !string.IsNullOrEmpty(spec.ClusterIP) && spec.ClusterIPs[0] != spec.ClusterIP)
        {
            errs.Add(FieldErrors.Invalid(Spec.Child("clusterIPs"), spec.ClusterIPs, "first value must match `clusterIP`"));
        }
        for (var i = 0; i < ips.Count; i++)
        {
            if (ips[i] == "None" && i == 0)
            {
                continue;
            }
            if (!IPAddress.TryParse(ips[i], out _))
            {
                errs.Add(FieldErrors.Invalid(Spec.Child("clusterIPs").Index(i), ips[i],
                    "must be empty, 'None', or a valid IP address"));
            }
        }
    }

    /// <summary>Fields that only mean something for LoadBalancer Services (upstream ValidateService).</summary>
    private static void ValidateLoadBalancerFields(List<FieldError> errs, V1ServiceSpec spec)
    {
        var lb = spec.Type == "LoadBalancer";
        if (!lb && spec.AllocateLoadBalancerNodePorts is not null)
        {
            errs.Add(FieldErrors.Forbidden(Spec.Child("allocateLoadBalancerNodePorts"), "may only be used when `type` is 'LoadBalancer'"));
        }
        if (lb && spec.AllocateLoadBalancerNodePorts is null)
        {
            errs.Add(FieldErrors.Required(FieldPath.Root("allocateLoadBalancerNodePorts")));
        }
        if (!lb && spec.LoadBalancerClass is not null)
        {
            errs.Add(FieldErrors.Forbidden(Spec.Child("loadBalancerClass"), "may only be used when `type` is 'LoadBalancer'"));
        }
        var ranges = spec.LoadBalancerSourceRanges ?? [];
        if (ranges.Count > 0 && !lb)
        {
            errs.Add(FieldErrors.Forbidden(Spec.Child("loadBalancerSourceRanges"), "may only be used when `type` is 'LoadBalancer'"));
        }
        for (var i = 0; i < ranges.Count; i++)
        {
            // Space padding is allowed, a leftover of the annotation these values came from.
            var value = ranges[i].Trim();
            if (!IsCidr(value))
            {
                errs.Add(FieldErrors.Invalid(Spec.Child("loadBalancerSourceRanges").Index(i), value,
                    "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"));
            }
        }
    }

    private static bool IsCidr(string value)
    {
        var slash = value.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0 || !IPAddress.TryParse(value.AsSpan(0, slash), out var ip)) return false;
        var max = ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128;
        return int.TryParse(value.AsSpan(slash + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var bits)
            && bits <= max;
    }

    private static void ValidateTrafficPolicies(List<FieldError> errs, V1ServiceSpec spec)
    {
        // Externally accessible as upstream's ExternallyAccessible: node ports, load balancers, or external IPs.
        var external = spec.Type is "NodePort" or "LoadBalancer" || spec.Type == "ClusterIP" && spec.ExternalIPs is { Count: > 0 };
        if (external)
        {
            if (string.IsNullOrEmpty(spec.ExternalTrafficPolicy))
            {
                errs.Add(FieldErrors.Required(Spec.Child("externalTrafficPolicy")));
            }
            else if (Array.IndexOf(TrafficPolicies, spec.ExternalTrafficPolicy) < 0)
            {
                errs.Add(FieldErrors.NotSupported(Spec.Child("externalTrafficPolicy"), spec.ExternalTrafficPolicy, TrafficPolicies));
            }
        }
        else if (!string.IsNullOrEmpty(spec.ExternalTrafficPolicy))
        {
            errs.Add(FieldErrors.Invalid(Spec.Child("externalTrafficPolicy"), spec.ExternalTrafficPolicy, "may only be set for externally-accessible services"));
        }
        if (spec.InternalTrafficPolicy is null)
        {
            if (spec.Type is "NodePort" or "LoadBalancer" or "ClusterIP")
            {
                errs.Add(FieldErrors.Required(Spec.Child("internalTrafficPolicy")));
            }
        }
        else if (Array.IndexOf(TrafficPolicies, spec.InternalTrafficPolicy) < 0)
        {
            errs.Add(FieldErrors.NotSupported(Spec.Child("internalTrafficPolicy"), spec.InternalTrafficPolicy, TrafficPolicies));
        }
        var needsHealthCheck = spec.Type == "LoadBalancer" && spec.ExternalTrafficPolicy == "Local";
        if (!needsHealthCheck && spec.HealthCheckNodePort is not (null or 0))
        {
            errs.Add(FieldErrors.Invalid(Spec.Child("healthCheckNodePort"), spec.HealthCheckNodePort,
                "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
        }
        else if (needsHealthCheck && spec.HealthCheckNodePort is null or 0)
        {
            errs.Add(FieldErrors.Required(Spec.Child("healthCheckNodePort")));
        }
        else if (needsHealthCheck)
        {
            errs.AddRange(NameValidation.IsValidPortNum(spec.HealthCheckNodePort!.Value)
                .Select(m => FieldErrors.Invalid(Spec.Child("healthCheckNodePort"), spec.HealthCheckNodePort.Value, m)));
        }
    }
}
