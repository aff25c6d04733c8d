using System.Runtime.CompilerServices;

// The decoder's parts (schema, wire reader, Go duration) are tested directly, not only through KubeProtobuf.
[assembly: InternalsVisibleTo("KubeSharp.ApiMachinery.Tests")]
