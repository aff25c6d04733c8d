using KubeSharp.ApiMachinery.Protobuf;

namespace KubeSharp.ApiMachinery.Tests.Protobuf;

// Request bodies are untrusted: every malformed one must come back as an error string, never an exception or a hang.
public sealed class MalformedInputTests
{
    private static string Error(byte[] body)
    {
        Assert.False(KubeProtobuf.TryDecode(body, out var obj, out var error));
        Assert.Null(obj);
        return error;
    }

    private static readonly ProtoWriter _namespace = new ProtoWriter().Message(1, new ProtoWriter().String(1, "a"));

    [Fact]
    public void WrongMagicIsRejected()
    {
        Assert.Contains("magic", Error("{\"kind\":\"Namespace\"}"u8.ToArray()));
        Assert.Contains("magic", Error([]));
        Assert.Contains("magic", Error("k8s"u8.ToArray()));
    }

    [Fact]
    public void EnvelopeWithoutTypeIsRejected() => Assert.Contains("no apiVersion and kind", Error([.. "k8s\0"u8]));

    [Theory]
    [InlineData("v1", "Frobnicator")]
    [InlineData("v1", "Container")]
    [InlineData("example.com/v1", "Deployment")]
    [InlineData("apps.example.com/v1", "Deployment")]
    [InlineData("apps/v2", "Deployment")]
    public void UnknownKindsAreNamed(string apiVersion, string kind)
    {
        var error = Error(ProtoWriter.Envelope(apiVersion, kind, _namespace));

        Assert.Contains($"\"{kind}\"", error);
        Assert.Contains($"\"{apiVersion}\"", error);
    }

    [Fact]
    public void CompressedOrForeignEnvelopeContentIsRejected()
    {
        Assert.Contains("gzip", Error(ProtoWriter.Envelope("v1", "Namespace", _namespace, contentEncoding: "gzip")));
        Assert.Contains("application/json", Error(ProtoWriter.Envelope("v1", "Namespace", _namespace, contentType: "application/json")));
    }

    [Fact]
    public void WrongWireTypeNamesTheField()
    {
        var error = Error(ProtoWriter.Envelope("v1", "Namespace", new ProtoWriter().Message(1, new ProtoWriter().Int(1, 5))));

        Assert.Contains("ObjectMeta.name", error);
        Assert.Contains("wire type", error);
    }

    [Theory]
    [InlineData(new byte[] { 0x0a, 0x05, 0x0a })] // length past the end
    [InlineData(new byte[] { 0x0a, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f })] // 11-byte varint
    [InlineData(new byte[] { 0x0a, 0x02, 0x0b, 0x0c })] // group inside metadata
    [InlineData(new byte[] { 0x00 })] // field number 0
    [InlineData(new byte[] { 0x0d, 0x01 })] // truncated fixed32 in place of metadata
    public void MalformedObjectBytesAreRejected(byte[] raw)
    {
        var error = Error(ProtoWriter.Envelope("v1", "Namespace", new ProtoWriter().Raw(raw)));

        Assert.Contains("cannot decode v1 Namespace", error);
    }

    // Cutting a body inside a field must fail cleanly. Cuts between envelope fields leave a valid envelope: right
    // after the type (an empty object) or after the object (before the trailing empty contentEncoding/contentType).
    [Fact]
    public void EveryTruncationOfEveryCaptureFailsCleanly()
    {
        foreach (var capture in KubectlCaptures.All)
        {
            var body = capture.Body;
            int typeEnd = 4 + 2 + body[5];
            for (int length = 0; length < body.Length; length++)
            {
                bool ok = KubeProtobuf.TryDecode(body.AsSpan(0, length), out _, out var error);
                Assert.True(ok || error is { Length: > 0 }, $"{capture.Name} cut at {length}");
                Assert.True(!ok || length == typeEnd || length >= body.Length - 4, $"{capture.Name} cut at {length} decoded");
            }
        }
    }

    [Fact]
    public void RandomAndMutatedBodiesNeverThrow()
    {
        var random = new Random(20240102);
        var seeds = KubectlCaptures.All.Select(c => c.Body).ToArray();
        for (int i = 0; i < 3000; i++)
        {
            byte[] body;
            if (i % 3 == 0)
            {
                body = new byte[4 + random.Next(200)];
                random.NextBytes(body);
                "k8s\0"u8.CopyTo(body);
            }
            else
            {
                body = (byte[])seeds[random.Next(seeds.Length)].Clone();
                for (int flips = random.Next(1, 4); flips > 0; flips--)
                {
                    body[4 + random.Next(body.Length - 4)] = (byte)random.Next(256);
                }
            }

            bool ok = KubeProtobuf.TryDecode(body, out var obj, out var error);
            Assert.True(ok ? obj is not null : error is { Length: > 0 });
            // Whatever decodes must also serialize, as the server will store it.
            _ = obj?.ToJsonString();
        }
    }
}
