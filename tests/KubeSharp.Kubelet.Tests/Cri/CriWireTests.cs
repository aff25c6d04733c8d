using Google.Protobuf;
using KubeSharp.Kubelet.Cri.V1;

namespace KubeSharp.Kubelet.Tests.Cri;

public sealed class CriWireTests
{
    // KeyValue.value is `bytes` in current CRI and `string` in older runtimes; both are length-delimited field 2,
    // so our bytes field must produce exactly the bytes an older string-typed peer would send and read.
    [Fact]
    public void KeyValue_bytes_value_encodes_like_a_string_field()
    {
        var kv = new KeyValue { Key = "A", Value = ByteString.CopyFromUtf8("hé") };
        var wire = kv.ToByteArray();
        // field 1 (key), wire type 2: tag 0x0A, len 1, 'A'; field 2, wire type 2: tag 0x12, len 3, UTF-8 "hé".
        Assert.Equal(new byte[] { 0x0A, 0x01, 0x41, 0x12, 0x03, 0x68, 0xC3, 0xA9 }, wire);
    }

    // Field numbers the kubelet depends on that are easy to get wrong: they are not sequential upstream.
    [Fact]
    public void Sparse_field_numbers_match_the_published_api()
    {
        Assert.Equal(8, PodSandboxConfig.Descriptor.FindFieldByName("linux").FieldNumber);
        Assert.Equal(17, ContainerStatus.Descriptor.FindFieldByName("image_id").FieldNumber);
        Assert.Equal(12, LinuxContainerSecurityContext.Descriptor.FindFieldByName("run_as_group").FieldNumber);
        Assert.Equal(8, LinuxSandboxSecurityContext.Descriptor.FindFieldByName("run_as_group").FieldNumber);
        Assert.Equal(18, ImageSpec.Descriptor.FindFieldByName("user_specified_image").FieldNumber);
        Assert.Equal(9, LinuxContainerResources.Descriptor.FindFieldByName("unified").FieldNumber);
        Assert.Equal("runtime.v1.RuntimeService", RuntimeService.Descriptor.FullName);
    }
}
