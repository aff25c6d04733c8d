using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;

namespace KubeSharp.ApiMachinery.Tests.Serialization;

/// <summary>
/// KubeJson must put exactly the bytes on the wire that main's options (the official client's, copied) did, and
/// read the same objects from them, now that it builds its own options over a generated context.
/// </summary>
public sealed class KubeJsonWireTests
{
    public static TheoryData<string> Corpus() => new(WireCorpus.All().Select(c => c.Name));

    private static (Type Type, string Json) Doc(string name)
    {
        var c = WireCorpus.All().Single(c => c.Name == name);
        return (c.Type, c.Json);
    }

    private static byte[] Legacy(object obj, Type type) => JsonSerializer.SerializeToUtf8Bytes(obj, type, LegacyOptions.Options);

    private static void SameBytes(byte[] expected, byte[] actual) =>
        Assert.Equal(Encoding.UTF8.GetString(expected), Encoding.UTF8.GetString(actual));

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Reading_and_writing_matches_the_legacy_options_byte_for_byte(string name)
    {
        var (type, json) = Doc(name);
        var bytes = Encoding.UTF8.GetBytes(json);

        var legacyObj = JsonSerializer.Deserialize(bytes, type, LegacyOptions.Options)!;
        var newObj = KubeJson.Deserialize(bytes, type);
        var expected = Legacy(legacyObj, type);

        // Same object read (written the old way), and the same bytes written from either reading.
        SameBytes(expected, Legacy(newObj, type));
        SameBytes(expected, KubeJson.Serialize(newObj, type));
        SameBytes(expected, KubeJson.Serialize(legacyObj, type));
        SameBytes(expected, KubeJson.Serialize(newObj));
        Assert.Equal(Encoding.UTF8.GetString(expected), KubeJson.ToNode(newObj).ToJsonString(KubeJson.Options));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void The_no_reflection_options_of_the_AOT_build_write_the_same_bytes(string name)
    {
        var (type, json) = Doc(name);
        var bytes = Encoding.UTF8.GetBytes(json);
        var aot = KubeJson.CreateOptions(System.Text.Json.Serialization.JsonUnmappedMemberHandling.Skip, reflection: false);

        var obj = JsonSerializer.Deserialize(bytes, aot.GetTypeInfo(type))!;

        SameBytes(Legacy(JsonSerializer.Deserialize(bytes, type, LegacyOptions.Options)!, type), JsonSerializer.SerializeToUtf8Bytes(obj, aot.GetTypeInfo(type)));
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Unknown_fields_are_skipped_by_Options_and_rejected_by_StrictOptions_as_before(string name)
    {
        var (type, json) = Doc(name);
        var node = JsonNode.Parse(json)!.AsObject();
        node["bogusField"] = 1;
        var bytes = Encoding.UTF8.GetBytes(node.ToJsonString());

        SameBytes(Legacy(JsonSerializer.Deserialize(bytes, type, LegacyOptions.Options)!, type), KubeJson.Serialize(KubeJson.Deserialize(bytes, type), type));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(bytes, type, LegacyOptions.StrictOptions));
        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(bytes, KubeJson.StrictOptions.GetTypeInfo(type)));
    }

    [Fact]
    public void Strict_options_reject_unknown_nested_fields_too()
    {
        var node = JsonNode.Parse(WireCorpus.Pod)!;
        node["spec"]!["containers"]![0]!["bogus"] = "x";
        var bytes = Encoding.UTF8.GetBytes(node.ToJsonString());

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize(bytes, KubeJson.StrictOptions.GetTypeInfo(typeof(V1Pod))));
        Assert.Equal("app", KubeJson.Deserialize<V1Pod>(bytes).Spec.Containers[0].Name);
    }

    [Fact]
    public void Nulls_are_omitted_and_empty_lists_and_maps_kept()
    {
        var pod = KubeJson.Deserialize<V1Pod>(Encoding.UTF8.GetBytes(WireCorpus.Pod));
        pod.Spec.NodeName = null;
        pod.Metadata.Labels = new Dictionary<string, string>();
        var json = JsonNode.Parse(KubeJson.Serialize(pod))!;

        Assert.Null(json["spec"]!.AsObject()["nodeName"]);
        Assert.False(json["spec"]!.AsObject().ContainsKey("nodeName"));
        Assert.Equal("{}", json["metadata"]!["labels"]!.ToJsonString());
        Assert.Equal("[]", json["metadata"]!["finalizers"]!.ToJsonString());
        Assert.False(json["status"]!["conditions"]![0]!.AsObject().ContainsKey("lastProbeTime"));
        SameBytes(Legacy(pod, typeof(V1Pod)), KubeJson.Serialize(pod));
    }

    [Fact]
    public void Times_quantities_and_int_or_strings_keep_their_wire_forms()
    {
        var pod = KubeJson.Deserialize<V1Pod>(Encoding.UTF8.GetBytes(WireCorpus.Pod));
        var lease = KubeJson.Deserialize<V1Lease>(Encoding.UTF8.GetBytes(WireCorpus.Lease));
        var service = KubeJson.Deserialize<V1Service>(Encoding.UTF8.GetBytes(WireCorpus.Service));
        var podJson = JsonNode.Parse(KubeJson.Serialize(pod))!;
        var leaseJson = JsonNode.Parse(KubeJson.Serialize(lease))!;
        var serviceJson = JsonNode.Parse(KubeJson.Serialize(service))!;

        // metav1.Time: whole seconds, the fraction dropped as upstream's encoder does.
        Assert.Equal("2024-01-02T03:14:05Z", (string?)podJson["metadata"]!["deletionTimestamp"]);
        // MicroTime: six digits, or none for a whole second.
        Assert.Equal("2024-01-02T03:04:05.123456Z", (string?)leaseJson["spec"]!["renewTime"]);
        Assert.Equal("2024-01-02T03:00:00Z", (string?)leaseJson["spec"]!["acquireTime"]);
        var limits = podJson["spec"]!["containers"]![0]!["resources"]!["limits"]!;
        Assert.Equal("1500m", (string?)limits["cpu"]);
        Assert.Equal("1Gi", (string?)limits["memory"]);
        Assert.Equal("100m", (string?)podJson["spec"]!["initContainers"]![0]!["resources"]!["limits"]!["cpu"]);
        Assert.Equal(JsonValueKind.Number, serviceJson["spec"]!["ports"]![0]!["targetPort"]!.GetValueKind());
        Assert.Equal("https", (string?)serviceJson["spec"]!["ports"]![1]!["targetPort"]);
        // A numeric string is an int on the wire, as the official client writes it.
        Assert.Equal(53, (int)serviceJson["spec"]!["ports"]![2]!["targetPort"]!);
    }

    [Fact]
    public void Objects_built_in_code_write_the_same_bytes_as_before()
    {
        var at = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1_234_567);
        var objects = new object[]
        {
            new V1Pod
            {
                ApiVersion = "v1", Kind = "Pod",
                Metadata = new V1ObjectMeta { Name = "p", NamespaceProperty = "d", CreationTimestamp = at, Labels = new Dictionary<string, string>() },
                Spec = new V1PodSpec
                {
                    Containers =
                    [
                        new V1Container
                        {
                            Name = "c", Image = "i",
                            Resources = new V1ResourceRequirements
                            {
                                Limits = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("100m"), ["memory"] = new("1Gi"), ["x"] = new("1.5") },
                            },
                            Ports = [new V1ContainerPort { ContainerPort = 80 }],
                            LivenessProbe = new V1Probe { HttpGet = new V1HTTPGetAction { Port = 8080, Path = "/" }, TcpSocket = new V1TCPSocketAction { Port = "http" } },
                        },
                    ],
                },
                Status = new V1PodStatus
                {
                    StartTime = at,
                    Conditions = [new V1PodCondition { Type = "Ready", Status = "True", LastTransitionTime = at }],
                    ContainerStatuses = [new V1ContainerStatus { Name = "c", Image = "i", ImageID = "", Ready = true, RestartCount = 0, State = new V1ContainerState { Running = new V1ContainerStateRunning { StartedAt = at } } }],
                },
            },
            new V1Lease { Metadata = new V1ObjectMeta { Name = "l" }, Spec = new V1LeaseSpec { RenewTime = at, AcquireTime = at.AddTicks(-1_234_567), HolderIdentity = "n" } },
            new Corev1Event
            {
                Metadata = new V1ObjectMeta { Name = "e" }, InvolvedObject = new V1ObjectReference { Kind = "Pod", Name = "p" },
                EventTime = at, FirstTimestamp = at, LastTimestamp = at, Series = new Corev1EventSeries { Count = 2, LastObservedTime = at.AddTicks(5) },
            },
            new V1Node { Metadata = new V1ObjectMeta { Name = "n" }, Status = new V1NodeStatus { Capacity = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("2"), ["memory"] = new("4030780Ki") }, Conditions = [new V1NodeCondition { Type = "Ready", Status = "True", LastHeartbeatTime = at }] } },
            new V1DeleteOptions { GracePeriodSeconds = 0, Preconditions = new V1Preconditions { Uid = "u" } },
            new ObjectList<V1Pod> { ApiVersion = "v1", Kind = "PodList", Metadata = new V1ListMeta { ContinueProperty = "c", ResourceVersion = "7" } },
        };
        foreach (var obj in objects)
        {
            SameBytes(Legacy(obj, obj.GetType()), KubeJson.Serialize(obj));
        }
    }

    [Fact]
    public void A_status_reads_like_the_official_clients_and_a_misshapen_one_reads_as_an_empty_status()
    {
        var bytes = Encoding.UTF8.GetBytes(WireCorpus.Status);
        var legacy = JsonSerializer.Deserialize<V1Status>(bytes, LegacyOptions.Options)!;
        var status = KubeJson.Deserialize<V1Status>(bytes);

        Assert.Equal(403, status.Code);
        Assert.Equal("Forbidden", status.Reason);
        Assert.Equal("spec.containers[0].image", status.Details.Causes[0].Field);
        Assert.Equal(3, status.Details.RetryAfterSeconds);
        // The legacy converter cannot write a Status at all; compare what both read through the new writer.
        SameBytes(KubeJson.Serialize(legacy), KubeJson.Serialize(status));
        Assert.DoesNotContain("hasObject", KubeJson.SerializeToString(status), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(JsonNode.Parse(WireCorpus.Status)!.AsObject().Count, JsonNode.Parse(KubeJson.Serialize(status))!.AsObject().Count);

        var odd = Encoding.UTF8.GetBytes("""{"kind":"Status","code":"not a number","message":"m"}""");
        var legacyOdd = JsonSerializer.Deserialize<V1Status>(odd, LegacyOptions.Options)!;
        var oddStatus = KubeJson.Deserialize<V1Status>(odd);
        Assert.Null(legacyOdd.Kind);
        Assert.Null(oddStatus.Kind);
        Assert.Null(oddStatus.Message);
        // The strict options read a Status leniently too (unknown fields skipped), as before.
        var extra = Encoding.UTF8.GetBytes("""{"kind":"Status","code":404,"bogus":1}""");
        Assert.Equal(404, JsonSerializer.Deserialize<V1Status>(extra, LegacyOptions.StrictOptions)!.Code);
        Assert.Equal(404, JsonSerializer.Deserialize(extra, (System.Text.Json.Serialization.Metadata.JsonTypeInfo<V1Status>)KubeJson.StrictOptions.GetTypeInfo(typeof(V1Status)))!.Code);
    }

    [Fact]
    public void Dates_offsets_and_durations_outside_the_models_keep_the_official_clients_format()
    {
        var values = new (object Value, Type Type)[]
        {
            (new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc).AddTicks(1_234_567), typeof(DateTime)),
            (new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc), typeof(DateTime)),
            (new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(50), typeof(DateTimeOffset)),
            (new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), typeof(DateTimeOffset)),
            (TimeSpan.FromSeconds(90.5), typeof(TimeSpan)),
            (TimeSpan.FromDays(-1.25), typeof(TimeSpan)),
            (TimeSpan.Zero, typeof(TimeSpan)),
        };
        foreach (var (value, type) in values)
        {
            var expected = JsonSerializer.SerializeToUtf8Bytes(value, type, LegacyOptions.Options);
            SameBytes(expected, KubeJson.Serialize(value, type));
            Assert.Equal(JsonSerializer.Deserialize(expected, type, LegacyOptions.Options), KubeJson.Deserialize(expected, type));
        }
    }

    [Theory]
    [InlineData("\"2024-01-02T03:04:05.123456789Z\"")]
    [InlineData("\"2024-01-02T03:04:05.1Z\"")]
    [InlineData("\"2024-01-02T05:04:05+02:00\"")]
    [InlineData("\"2024-01-02T03:04:05Z\"")]
    public void MicroTimes_read_every_RFC3339_form_Go_writes_as_the_official_client_does(string json)
    {
        var bytes = Encoding.UTF8.GetBytes("""{"spec":{"renewTime":""" + json + "}}");
        var expected = JsonSerializer.Deserialize<V1Lease>(bytes, LegacyOptions.Options)!.Spec.RenewTime;
        var actual = KubeJson.Deserialize<V1Lease>(bytes).Spec.RenewTime;

        Assert.Equal(expected, actual);
        Assert.Equal(DateTimeKind.Utc, actual!.Value.Kind);
    }

    [Fact]
    public void A_MicroTime_that_is_not_a_time_is_a_JSON_error()
    {
        var bytes = Encoding.UTF8.GetBytes("""{"spec":{"renewTime":"yesterday"}}""");
        Assert.ThrowsAny<JsonException>(() => KubeJson.Deserialize<V1Lease>(bytes));
    }

    [Fact]
    public void The_microsecond_form_keeps_sub_second_differences_that_the_wire_form_drops()
    {
        var at = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
        var a = new V1PodStatus { Phase = "Running", StartTime = at.AddTicks(1_234_560) };
        var b = new V1PodStatus { Phase = "Running", StartTime = at };

        Assert.Equal(KubeJson.SerializeToString(a), KubeJson.SerializeToString(b));
        Assert.NotEqual(KubeJson.SerializeWithMicroseconds(a), KubeJson.SerializeWithMicroseconds(b));
        Assert.Contains("\"startTime\":\"2024-01-02T03:04:05.123456Z\"", KubeJson.SerializeWithMicroseconds(a), StringComparison.Ordinal);
        // As the official client's own options wrote it (what the kubelet's status manager compared before).
        Assert.Equal(k8s.KubernetesJson.Serialize(a), KubeJson.SerializeWithMicroseconds(a));
    }
}
