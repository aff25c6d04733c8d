using System.Net;
using System.Net.Sockets;
using k8s.Models;
using KubeSharp.ApiMachinery.Validation;

namespace KubeSharp.ApiServer.Registry.Services;

public sealed partial class ServiceAllocator
{
    private static readonly string[] Policies = ["SingleStack", "PreferDualStack", "RequireDualStack"];
    private static readonly string[] Families = ["IPv4", "IPv6"];

    /// <summary>
    /// upstream initIPFamilyFields on a single-stack cluster: ipFamilyPolicy defaults to the old Service's, or
    /// SingleStack (RequireDualStack for a headless Service without selector, whose families then list both);
    /// ipFamilies are inferred from clusterIPs or default to the range's family; a family or policy this
    /// cluster cannot serve is a 422.
    /// </summary>
    private void InitIpFamilies(V1Service service, V1Service? before)
    {
        var spec = service.Spec;
        if (spec.Type == "ExternalName") return;
        if (!string.IsNullOrEmpty(spec.ClusterIP) && spec.ClusterIPs is not { Count: > 0 }) spec.ClusterIPs = [spec.ClusterIP];
        var headlessSelectorless = PrimaryIp(spec) == "None" && spec.Selector is not { Count: > 0 };
        spec.IpFamilyPolicy ??= before?.Spec?.IpFamilyPolicy ?? (headlessSelectorless ? "RequireDualStack" : "SingleStack");

        var errors = new List<FieldError>();
        if (Array.IndexOf(Policies, spec.IpFamilyPolicy) < 0)
        {
            errors.Add(FieldErrors.NotSupported(Spec.Child("ipFamilyPolicy"), spec.IpFamilyPolicy, Policies));
        }
        var families = spec.IpFamilies ?? [];
        for (var i = 0; i < families.Count; i++)
        {
            if (Array.IndexOf(Families, families[i]) < 0) errors.Add(FieldErrors.NotSupported(Spec.Child("ipFamilies").Index(i), families[i], Families));
        }
        if (families.Count > 2) errors.Add(FieldErrors.Invalid(Spec.Child("ipFamilies"), families, "may specify no more than one IP for each IP family"));
        if (families.Count == 2 && families[0] == families[1])
        {
            errors.Add(FieldErrors.Duplicate(Spec.Child("ipFamilies").Index(1), families[1]));
        }
        if (spec.IpFamilyPolicy == "SingleStack")
        {
            if (spec.ClusterIPs is { Count: 2 })
            {
                errors.Add(FieldErrors.Invalid(Spec.Child("ipFamilyPolicy"), spec.IpFamilyPolicy,
                    "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
            }
            if (families.Count == 2)
            {
                errors.Add(FieldErrors.Invalid(Spec.Child("ipFamilyPolicy"), spec.IpFamilyPolicy,
                    "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
            }
        }
        if (errors.Count > 0) throw Invalid(service, errors.ToArray());

        // Infer families from the requested IPs.
        var inferred = families.ToList();
        var ips = spec.ClusterIPs ?? [];
        for (var i = 0; i < ips.Count && ips[i] != "None"; i++)
        {
            if (!IPAddress.TryParse(ips[i], out var ip)) continue; // validation reports it
            var family = ip.AddressFamily == AddressFamily.InterNetwork ? "IPv4" : "IPv6";
            if (i < inferred.Count)
            {
                if (inferred[i] != family)
                {
                    errors.Add(FieldErrors.Invalid(Spec.Child("clusterIPs").Index(i), ips[i],
                        $"expected an {inferred[i]} value as indicated by `ipFamilies[{i}]`"));
                }
            }
            else if (family != IpRange.IpFamily)
            {
                errors.Add(FieldErrors.Invalid(Spec.Child("clusterIPs").Index(i), ips.ToList(), $"{family} is not configured on this cluster"));
            }
            else
            {
                inferred.Add(family);
            }
        }
        if (errors.Count > 0) throw Invalid(service, errors.ToArray());

        if (headlessSelectorless)
        {
            if (inferred.Count == 0) inferred.Add(IpRange.IpFamily);
            // A headless Service without selector may list both families even on a single-stack cluster.
            if (inferred.Count < 2 && spec.IpFamilyPolicy != "SingleStack") inferred.Add(inferred[0] == "IPv4" ? "IPv6" : "IPv4");
            spec.IpFamilies = inferred;
            return;
        }
        if (spec.IpFamilyPolicy == "RequireDualStack")
        {
            errors.Add(FieldErrors.Invalid(Spec.Child("ipFamilyPolicy"), spec.IpFamilyPolicy, "this cluster is not configured for dual-stack services"));
        }
        for (var i = 0; i < inferred.Count; i++)
        {
            if (inferred[i] != IpRange.IpFamily) errors.Add(FieldErrors.Invalid(Spec.Child("ipFamilies").Index(i), inferred[i], "not configured on this cluster"));
        }
        if (errors.Count > 0) throw Invalid(service, errors.ToArray());
        if (inferred.Count == 0) inferred.Add(IpRange.IpFamily);
        spec.IpFamilies = inferred;
    }
}
