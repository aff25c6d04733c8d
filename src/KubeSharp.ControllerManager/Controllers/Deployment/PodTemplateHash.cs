using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;

namespace KubeSharp.ControllerManager.Controllers.Deployment;

/// <summary>
/// The pod-template-hash label value (upstream's controller.ComputeHash): FNV-32a over the pod template, then the
/// collision count as eight little-endian bytes, the decimal of the sum rendered in the safe-encoding alphabet.
/// Upstream feeds the hasher a Go-specific dump of the struct (spew); that text cannot be reproduced outside Go, so
/// the template's JSON with sorted keys stands in for it. Values therefore differ from upstream's for the same
/// template, but keep every property that matters: stable for equal templates, different when anything changes,
/// and moved by collisionCount.
/// </summary>
internal static class PodTemplateHash
{
    /// <summary>k8s.io/apimachinery/pkg/util/rand's alphabet: no vowels, no confusable characters.</summary>
    private const string SafeAlphabet = "bcdfghjklmnpqrstvwxz2456789";

    public static string Compute(V1PodTemplateSpec template, int? collisionCount)
    {
        var hash = Fnv32a.Offset;
        hash = Fnv32a.Add(hash, Encoding.UTF8.GetBytes(CanonicalJson.Of(KubeJson.ToNode(template))));
        if (collisionCount is { } count)
        {
            Span<byte> bytes = stackalloc byte[8];
            BinaryPrimitives.WriteUInt32LittleEndian(bytes, unchecked((uint)count));
            hash = Fnv32a.Add(hash, bytes);
        }
        return SafeEncode(hash.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>rand.SafeEncodeString: each character maps to the alphabet by its code modulo the alphabet size.</summary>
    public static string SafeEncode(string s)
    {
        var chars = new char[s.Length];
        for (var i = 0; i < s.Length; i++) chars[i] = SafeAlphabet[s[i] % SafeAlphabet.Length];
        return new string(chars);
    }

    internal static class Fnv32a
    {
        public const uint Offset = 2166136261;
        private const uint Prime = 16777619;

        public static uint Add(uint hash, ReadOnlySpan<byte> data)
        {
            foreach (var b in data)
            {
                hash ^= b;
                hash = unchecked(hash * Prime);
            }
            return hash;
        }
    }
}
