using System.Reflection;
using System.Reflection.Emit;
using System.Text.Json.Serialization;
using k8s.Models;
using KubeSharp.ApiMachinery.Serialization;
using KubeSharp.Client;
using KubeSharp.Client.Informers;
using KubeSharp.Client.Rest;
using KubeSharp.Kubelet;
using KubeSharp.Proxy;

namespace KubeSharp.Agent.Tests.Serialization;

/// <summary>
/// The Native AOT node build has no reflection JSON: every type the agent, kubelet, proxy and client put on the
/// wire must come from KubeJson's generated context. The test reads the node assemblies' IL for the typed calls
/// that serialize a kind (KubeClient.For&lt;T&gt;, InformerFor/ListerFor&lt;T&gt;, ResourceClient&lt;T&gt;,
/// KubeObjects.DeepCopy&lt;T&gt;, KubeJson.*&lt;T&gt;) so a kind newly used on the node fails here, not in production.
/// </summary>
public sealed class NodeJsonTypesTests
{
    private static readonly Assembly[] NodeAssemblies =
        [typeof(AgentHost).Assembly, typeof(KubeletHost).Assembly, typeof(ProxyHost).Assembly, typeof(KubeClient).Assembly];

    [Fact]
    public void Every_type_the_node_roles_serialize_comes_from_the_generated_context()
    {
        var (types, untyped) = Scan();

        // The scan sees the kinds the kubelet and proxy obviously use (it is not vacuous).
        Assert.Contains(typeof(V1Pod), types);
        Assert.Contains(typeof(ObjectList<V1Pod>), types);
        Assert.Contains(typeof(V1Lease), types);
        Assert.Contains(typeof(Corev1Event), types);
        Assert.Contains(typeof(V1EndpointSlice), types);
        Assert.Contains(typeof(V1LifecycleHandler), types);
        foreach (var t in new[] { typeof(V1Node), typeof(V1NodeStatus), typeof(V1PodStatus), typeof(V1ConfigMap), typeof(V1Secret),
                     typeof(V1Service), typeof(V1Status), typeof(V1DeleteOptions), typeof(System.Text.Json.JsonElement), typeof(V1PodList) })
        {
            Assert.Contains(t, types);
        }
        var missing = types.Where(t => KubeJson.Options.GetTypeInfo(t).OriginatingResolver is not JsonSerializerContext)
            .Select(t => t.ToString()).Order(StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0, "add to KubeJsonContext: " + string.Join(", ", missing));
        Assert.True(untyped.Count == 0, "untyped KubeJson calls on the node path: " + string.Join(", ", untyped));
    }

    private static (HashSet<Type> Types, List<string> Untyped) Scan()
    {
        var types = new HashSet<Type>();
        var untyped = new List<string>();
        foreach (var assembly in NodeAssemblies)
        {
            foreach (var type in assembly.GetTypes())
            {
                const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
                foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
                {
                    foreach (var callee in Callees(method))
                    {
                        if (callee.DeclaringType == typeof(KubeJson) && !callee.IsGenericMethod && callee.Name is "Serialize" or "Deserialize" or "ToNode")
                        {
                            untyped.Add($"{type.FullName}.{method.Name} -> KubeJson.{callee.Name}");
                        }
                        foreach (var t in JsonTypesOf(callee)) types.Add(t);
                    }
                }
            }
        }
        return (types, untyped);
    }

    /// <summary>The types a call serializes or reads, for the typed entry points of the client and KubeJson.</summary>
    private static IEnumerable<Type> JsonTypesOf(MethodBase callee)
    {
        var declaring = callee.DeclaringType;
        Type? kind = null, item = null;
        if (declaring is { IsGenericType: true } && declaring.GetGenericTypeDefinition() == typeof(ResourceClient<>))
        {
            kind = declaring.GetGenericArguments()[0];
            // Its own generic helpers (SendAsync<TResult>) read TResult.
            if (callee.IsGenericMethod) item = callee.GetGenericArguments()[0];
        }
        else if (callee is MethodInfo { IsGenericMethod: true } generic)
        {
            var arg = generic.GetGenericArguments()[0];
            if ((declaring == typeof(KubeClient) && generic.Name == "For") ||
                (declaring == typeof(SharedInformerFactory) && generic.Name is "InformerFor" or "ListerFor"))
            {
                kind = arg;
            }
            else if (declaring == typeof(KubeJson) || (declaring == typeof(KubeObjects) && generic.Name == "DeepCopy"))
            {
                item = arg;
            }
        }
        if (kind is { ContainsGenericParameters: false })
        {
            yield return kind;
            yield return typeof(ObjectList<>).MakeGenericType(kind);
        }
        if (item is { ContainsGenericParameters: false }) yield return item;
    }

    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The methods <paramref name="method"/>'s IL calls, creates or takes the address of.</summary>
    private static IEnumerable<MethodBase> Callees(MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il == null) yield break;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var pos = 0;
        while (pos < il.Length)
        {
            short value = il[pos] == 0xFE ? unchecked((short)(0xFE00 | il[pos + 1])) : il[pos];
            var op = OpCodesByValue[value];
            pos += op.Size;
            if (op.OperandType == OperandType.InlineMethod)
            {
                MethodBase? callee = null;
                try
                {
                    callee = method.Module.ResolveMethod(BitConverter.ToInt32(il, pos), typeArgs, methodArgs);
                }
                catch (ArgumentException)
                {
                    // A token in another generic context (e.g. a vararg call site); nothing serializes through it.
                }
                if (callee != null) yield return callee;
            }
            pos += OperandSize(op.OperandType, il, pos);
        }
    }

    private static int OperandSize(OperandType type, byte[] il, int pos) => type switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + (4 * BitConverter.ToInt32(il, pos)),
        _ => 4,
    };
}
