namespace KubeSharp.ApiMachinery.Protobuf;

// The proto2 field types the Kubernetes schemas use (no enums or groups: Kubernetes encodes enums as strings).
internal enum ProtoKind
{
    String,
    Bytes,
    Bool,
    Int32,
    Int64,
    UInt32,
    UInt64,
    SInt32,
    SInt64,
    Fixed32,
    Fixed64,
    SFixed32,
    SFixed64,
    Float,
    Double,
    Message,
}

// Wire types of the protobuf encoding; 3 and 4 (groups) never occur in Kubernetes messages and are rejected.
internal enum WireType
{
    Varint = 0,
    Fixed64 = 1,
    LengthDelimited = 2,
    StartGroup = 3,
    EndGroup = 4,
    Fixed32 = 5,
}

internal static class ProtoKindExtensions
{
    public static WireType ExpectedWireType(this ProtoKind kind) => kind switch
    {
        ProtoKind.String or ProtoKind.Bytes or ProtoKind.Message => WireType.LengthDelimited,
        ProtoKind.Fixed64 or ProtoKind.SFixed64 or ProtoKind.Double => WireType.Fixed64,
        ProtoKind.Fixed32 or ProtoKind.SFixed32 or ProtoKind.Float => WireType.Fixed32,
        _ => WireType.Varint,
    };

    // Repeated numeric fields may arrive packed (one length-delimited run) whatever the schema says.
    public static bool IsPackable(this ProtoKind kind) => kind.ExpectedWireType() != WireType.LengthDelimited;

    public static bool TryParse(string name, out ProtoKind kind)
    {
        kind = name switch
        {
            "string" => ProtoKind.String,
            "bytes" => ProtoKind.Bytes,
            "bool" => ProtoKind.Bool,
            "int32" => ProtoKind.Int32,
            "int64" => ProtoKind.Int64,
            "uint32" => ProtoKind.UInt32,
            "uint64" => ProtoKind.UInt64,
            "sint32" => ProtoKind.SInt32,
            "sint64" => ProtoKind.SInt64,
            "fixed32" => ProtoKind.Fixed32,
            "fixed64" => ProtoKind.Fixed64,
            "sfixed32" => ProtoKind.SFixed32,
            "sfixed64" => ProtoKind.SFixed64,
            "float" => ProtoKind.Float,
            "double" => ProtoKind.Double,
            _ => ProtoKind.Message,
        };
        return kind != ProtoKind.Message;
    }
}
