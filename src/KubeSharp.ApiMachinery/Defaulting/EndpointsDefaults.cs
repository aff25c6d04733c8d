using k8s.Models;

namespace KubeSharp.ApiMachinery.Defaulting;

/// <summary>upstream's SetDefaults_Endpoints (port protocol TCP) and discovery/v1 SetDefaults_EndpointPort (name "", TCP).</summary>
public static class EndpointsDefaults
{
    public static void Apply(V1Endpoints endpoints)
    {
        foreach (var port in (endpoints.Subsets ?? []).SelectMany(s => s.Ports ?? []))
        {
            if (string.IsNullOrEmpty(port.Protocol))
            {
                port.Protocol = "TCP";
            }
        }
    }

    public static void Apply(V1EndpointSlice slice)
    {
        foreach (var port in slice.Ports ?? [])
        {
            port.Name ??= "";
            if (string.IsNullOrEmpty(port.Protocol))
            {
                port.Protocol = "TCP";
            }
        }
    }
}
