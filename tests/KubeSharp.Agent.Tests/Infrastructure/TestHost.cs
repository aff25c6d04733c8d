using System.Net;
using System.Security.Cryptography;
using KubeSharp.Agent.Host;

namespace KubeSharp.Agent.Tests.Infrastructure;

/// <summary>Per-test host resources (dirs, bridge names, pod CIDRs) that do not clash with other tests or the host.</summary>
public static class TestHost
{
    /// <summary>A short random suffix: bridge names must fit in 15 characters and socket paths in 107 bytes.</summary>
    public static string Suffix() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

    public static string TempDir(string prefix)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"{prefix}-{Suffix()}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A /24 in 10.200.0.0-10.254.255.0 that overlaps no route or address on this host.</summary>
    public static async Task<string> FreePodCidrAsync()
    {
        var ip = HostPrerequisites.Require("ip", "iproute2");
        var routes = await HostCommand.RunCheckedAsync(ip, ["-4", "route", "show", "table", "all"], TimeSpan.FromSeconds(10), CancellationToken.None);
        var addrs = await HostCommand.RunCheckedAsync(ip, ["-4", "-o", "addr", "show"], TimeSpan.FromSeconds(10), CancellationToken.None);
        var used = new List<IPNetwork>();
        foreach (var token in (routes + " " + addrs).Split([' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (IPNetwork.TryParse(token.Contains('/') ? token : token + "/32", out var net) ||
                (token.Contains('/') && IPAddress.TryParse(token[..token.IndexOf('/')], out var a) && int.TryParse(token[(token.IndexOf('/') + 1)..], out var len) &&
                 IPNetwork.TryParse($"{Mask(a, len)}/{len}", out net)))
                used.Add(net);
        }
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var candidate = new IPNetwork(new IPAddress([10, (byte)(200 + RandomNumberGenerator.GetInt32(55)), (byte)RandomNumberGenerator.GetInt32(256), 0]), 24);
            if (!used.Any(u => u.Contains(candidate.BaseAddress) || candidate.Contains(u.BaseAddress))) return candidate.ToString();
        }
        throw new InvalidOperationException("no free /24 in 10.200.0.0/8 ranges");
    }

    private static IPAddress Mask(IPAddress a, int len)
    {
        var b = a.GetAddressBytes();
        for (var i = 0; i < 4; i++)
        {
            var bits = Math.Clamp(len - i * 8, 0, 8);
            b[i] &= (byte)(0xFF << (8 - bits));
        }
        return new IPAddress(b);
    }
}
