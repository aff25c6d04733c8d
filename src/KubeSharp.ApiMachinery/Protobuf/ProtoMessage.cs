namespace KubeSharp.ApiMachinery.Protobuf;

// Messages whose JSON form is not "an object of its fields" (custom MarshalJSON in Go).
internal enum WellKnownMessage
{
    None,
    Time,
    MicroTime,
    Duration,
    Quantity,
    IntOrString,
    RawExtension,
    FieldsV1,
    ExtraValue,
}

internal sealed class ProtoMessage(string fullName)
{
    public string FullName { get; } = fullName;

    public Dictionary<int, ProtoField> Fields { get; } = [];

    public WellKnownMessage WellKnown { get; set; }
}

internal sealed class ProtoField
{
    public required int Number { get; init; }

    public required string Name { get; init; }

    public required string JsonName { get; init; }

    public required ProtoKind Kind { get; init; }

    // The declared message type name as written, resolved into Message once every file is parsed.
    public string? TypeName { get; init; }

    public ProtoMessage? Message { get; set; }

    public bool Repeated { get; init; }

    // Maps are repeated entries {1: key, 2: value}; Kind/Message describe the value.
    public bool IsMap { get; init; }

    public ProtoKind MapKeyKind { get; init; }

    public bool OmitEmpty { get; init; }

    public bool Inline { get; init; }
}
