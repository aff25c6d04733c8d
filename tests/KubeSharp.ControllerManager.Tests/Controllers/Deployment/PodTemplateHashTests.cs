using k8s.Models;
using KubeSharp.ControllerManager.Controllers.Deployment;

namespace KubeSharp.ControllerManager.Tests.Controllers.Deployment;

public sealed class PodTemplateHashTests
{
    private static V1PodTemplateSpec Template(string image, params (string Key, string Value)[] labels) => new()
    {
        Metadata = new V1ObjectMeta { Labels = labels.ToDictionary(l => l.Key, l => l.Value) },
        Spec = new V1PodSpec { Containers = [new V1Container { Name = "c", Image = image }] },
    };

    [Fact]
    public void Fnv32a_matches_the_published_test_vectors()
    {
        // FNV-1a 32-bit reference values (offset basis for empty input, "a", "foobar").
        Assert.Equal(0x811c9dc5u, PodTemplateHash.Fnv32a.Add(PodTemplateHash.Fnv32a.Offset, ""u8));
        Assert.Equal(0xe40c292cu, PodTemplateHash.Fnv32a.Add(PodTemplateHash.Fnv32a.Offset, "a"u8));
        Assert.Equal(0xbf9cf968u, PodTemplateHash.Fnv32a.Add(PodTemplateHash.Fnv32a.Offset, "foobar"u8));
    }

    [Theory]
    [InlineData("0123456789", "456789bcdf")]
    [InlineData("3735928559", "7c79f6d99f")]
    public void Safe_encoding_maps_each_character_by_its_code(string input, string expected) =>
        Assert.Equal(expected, PodTemplateHash.SafeEncode(input));

    [Fact]
    public void Equal_templates_hash_equally_whatever_the_label_order()
    {
        var a = Template("nginx:1", ("app", "web"), ("tier", "front"));
        var b = Template("nginx:1", ("tier", "front"), ("app", "web"));
        Assert.Equal(PodTemplateHash.Compute(a, null), PodTemplateHash.Compute(b, null));
    }

    [Fact]
    public void Template_changes_and_collision_count_change_the_hash()
    {
        var baseHash = PodTemplateHash.Compute(Template("nginx:1", ("app", "web")), null);
        Assert.NotEqual(baseHash, PodTemplateHash.Compute(Template("nginx:2", ("app", "web")), null));
        Assert.NotEqual(baseHash, PodTemplateHash.Compute(Template("nginx:1", ("app", "web2")), null));
        var withZero = PodTemplateHash.Compute(Template("nginx:1", ("app", "web")), 0);
        var withOne = PodTemplateHash.Compute(Template("nginx:1", ("app", "web")), 1);
        Assert.NotEqual(baseHash, withZero);
        Assert.NotEqual(withZero, withOne);
    }

    [Fact]
    public void Hash_uses_only_the_safe_alphabet_and_the_decimal_length_of_a_uint32()
    {
        var hash = PodTemplateHash.Compute(Template("nginx:1", ("app", "web")), null);
        Assert.InRange(hash.Length, 1, 10);
        Assert.All(hash, c => Assert.Contains(c, "456789bcdf"));
    }

    [Fact]
    public void Equality_ignores_the_pod_template_hash_label_only()
    {
        var plain = Template("nginx:1", ("app", "web"));
        var hashed = Template("nginx:1", ("app", "web"), ("pod-template-hash", "abc"));
        Assert.True(ReplicaSets.EqualIgnoreHash(plain, hashed));
        Assert.False(ReplicaSets.EqualIgnoreHash(plain, Template("nginx:2", ("app", "web"), ("pod-template-hash", "abc"))));
        Assert.True(ReplicaSets.EqualIgnoreHash(Template("nginx:1"), Template("nginx:1", ("pod-template-hash", "x"))));
    }
}
