using KubeSharp.ApiMachinery.Protobuf.Schema;

namespace KubeSharp.ApiMachinery.Protobuf;

// All messages of our schema files, keyed by full name ("k8s.io.api.apps.v1.Deployment"), with message-typed
// fields resolved. Built once on first use.
internal sealed class ProtoSchema
{
    private const string MetaV1 = "k8s.io.apimachinery.pkg.apis.meta.v1.";

    private static readonly Lazy<ProtoSchema> _kubernetes = new(() => Load(ProtoFiles.All));

    private readonly Dictionary<string, ProtoMessage> _messages;

    private ProtoSchema(Dictionary<string, ProtoMessage> messages) => _messages = messages;

    public static ProtoSchema Kubernetes => _kubernetes.Value;

    public IReadOnlyDictionary<string, ProtoMessage> Messages => _messages;

    public ProtoMessage? Find(string fullName) => _messages.GetValueOrDefault(fullName);

    public static ProtoSchema Load(IEnumerable<string> files)
    {
        var messages = new Dictionary<string, ProtoMessage>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            ProtoSchemaParser.Parse(file, messages);
        }

        foreach (var message in messages.Values)
        {
            string package = message.FullName[..message.FullName.LastIndexOf('.')];
            foreach (var field in message.Fields.Values)
            {
                if (field.TypeName is null)
                {
                    continue;
                }

                field.Message = Resolve(messages, package, field.TypeName)
                    ?? throw new FormatException($"proto schema: {message.FullName}.{field.Name} has unknown type {field.TypeName}");
            }
        }

        MarkWellKnown(messages, MetaV1 + "Time", WellKnownMessage.Time);
        MarkWellKnown(messages, MetaV1 + "MicroTime", WellKnownMessage.MicroTime);
        MarkWellKnown(messages, MetaV1 + "Duration", WellKnownMessage.Duration);
        MarkWellKnown(messages, MetaV1 + "FieldsV1", WellKnownMessage.FieldsV1);
        MarkWellKnown(messages, "k8s.io.apimachinery.pkg.api.resource.Quantity", WellKnownMessage.Quantity);
        MarkWellKnown(messages, "k8s.io.apimachinery.pkg.util.intstr.IntOrString", WellKnownMessage.IntOrString);
        MarkWellKnown(messages, "k8s.io.apimachinery.pkg.runtime.RawExtension", WellKnownMessage.RawExtension);
        MarkWellKnown(messages, "k8s.io.api.authentication.v1.ExtraValue", WellKnownMessage.ExtraValue);
        MarkWellKnown(messages, "k8s.io.api.authorization.v1.ExtraValue", WellKnownMessage.ExtraValue);
        return new ProtoSchema(messages);
    }

    // proto scoping as our files use it: ".a.b.C" is absolute, a bare name lives in the declaring package.
    private static ProtoMessage? Resolve(Dictionary<string, ProtoMessage> messages, string package, string typeName) =>
        typeName.StartsWith('.')
            ? messages.GetValueOrDefault(typeName[1..])
            : messages.GetValueOrDefault(package + "." + typeName) ?? messages.GetValueOrDefault(typeName);

    private static void MarkWellKnown(Dictionary<string, ProtoMessage> messages, string fullName, WellKnownMessage kind)
    {
        if (messages.TryGetValue(fullName, out var message))
        {
            message.WellKnown = kind;
        }
    }
}
