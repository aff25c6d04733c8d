using System.Text.Json.Nodes;
using k8s.Models;
using KubeSharp.ApiMachinery.Selectors;

namespace KubeSharp.ApiMachinery.Tests.Selectors;

public sealed class LabelSelectorTests
{
    private static readonly Dictionary<string, string> s_labels = new()
    {
        ["app"] = "web",
        ["tier"] = "frontend",
        ["example.com/team"] = "blue",
        ["replicas"] = "5",
        ["empty"] = "",
    };

    [Theory]
    [InlineData("", true)]
    [InlineData("app=web", true)]
    [InlineData("app==web", true)]
    [InlineData("app=db", false)]
    [InlineData("app!=db", true)]
    [InlineData("app!=web", false)]
    [InlineData("missing!=x", true)]
    [InlineData("app in (web,db)", true)]
    [InlineData("app in (db)", false)]
    [InlineData("app notin (db)", true)]
    [InlineData("app notin (web)", false)]
    [InlineData("missing notin (web)", true)]
    [InlineData("missing in (web)", false)]
    [InlineData("app", true)]
    [InlineData("missing", false)]
    [InlineData("!missing", true)]
    [InlineData("!app", false)]
    [InlineData("app=web,tier=frontend", true)]
    [InlineData("app=web,tier=backend", false)]
    [InlineData("  app = web ,  tier in ( frontend , x )  ", true)]
    [InlineData("example.com/team=blue", true)]
    [InlineData("empty=", true)]
    [InlineData("empty==", true)]
    [InlineData("app=", false)]
    [InlineData("empty in (,x)", true)]
    [InlineData("replicas>4", true)]
    [InlineData("replicas>5", false)]
    [InlineData("replicas<6", true)]
    [InlineData("app>1", false)]
    [InlineData("in=in", false)]
    [InlineData("app in (in,notin,web)", true)]
    public void Matches(string selector, bool expected)
    {
        var parsed = LabelSelector.Parse(selector);
        Assert.Equal(expected, parsed.Matches(s_labels));
        Assert.Equal(expected, parsed.Matches(s_jsonLabels));
        Assert.Equal(expected, parsed.Matches(new JsonObject(s_labels.Select(l => KeyValuePair.Create(l.Key, (JsonNode?)l.Value)))));
    }

    private static readonly JsonObject s_jsonLabels = JsonNode.Parse(
        """{"app":"web","tier":"frontend","example.com/team":"blue","replicas":"5","empty":""}""")!.AsObject();

    [Theory]
    [InlineData("app=web", false)]
    [InlineData("app!=web", true)]
    [InlineData("!app", true)]
    [InlineData("app", false)]
    [InlineData("", true)]
    public void MatchesNullLabels(string selector, bool expected)
    {
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches((IReadOnlyDictionary<string, string>?)null));
        Assert.Equal(expected, LabelSelector.Parse(selector).Matches((JsonObject?)null));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("tier=frontend,app=web", "app=web,tier=frontend")]
    [InlineData("app==web", "app==web")]
    [InlineData("app != web", "app!=web")]
    [InlineData("app in ( z, a ,a )", "app in (a,z)")]
    [InlineData("x notin (b,a),!y,z", "x notin (a,b),!y,z")]
    [InlineData("a>1", "a>1")]
    [InlineData("a=", "a=")]
    public void ToStringIsCanonical(string selector, string expected)
    {
        Assert.Equal(expected, LabelSelector.Parse(selector).ToString());
    }

    [Theory]
    [InlineData("app=web x", "found 'x', expected: ',' or 'end of string'")]
    [InlineData("app=web,", "found '', expected: identifier after ','")]
    [InlineData(",app", "found ',', expected: !, identifier, or 'end of string'")]
    [InlineData("app in web", "unable to parse requirement: found 'web', expected: '('")]
    [InlineData("app in (web", "unable to parse requirement: found '', expected: ',', ')' or identifier")]
    [InlineData("app foo bar", "unable to parse requirement: found 'foo', expected: in, notin, =, ==, !=, gt, lt")]
    [InlineData("!app=web", "found '=', expected: ',' or 'end of string'")]
    [InlineData("app=(x)", "unable to parse requirement: found '(', expected: identifier")]
    [InlineData("app in ()", "unable to parse requirement: values: Invalid value: []: for 'in', 'notin' operators, values set can't be empty")]
    [InlineData("-app=x", "unable to parse requirement: key: Invalid value: \"-app\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')")]
    [InlineData("app=x_", "unable to parse requirement: values[0]: Invalid value: \"x_\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')")]
    [InlineData("Example.com/app=x", "unable to parse requirement: key: Invalid value: \"Example.com/app\": prefix part a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')")]
    [InlineData("/app", "unable to parse requirement: key: Invalid value: \"/app\": prefix part must be non-empty")]
    [InlineData("a/", "unable to parse requirement: key: Invalid value: \"a/\": name part must be non-empty")]
    [InlineData("a>b", "unable to parse requirement: values[0]: Invalid value: \"b\": for 'Gt', 'Lt' operators, the value must be an integer")]
    public void RejectsInvalid(string selector, string message)
    {
        var error = Assert.Throws<SelectorParseException>(() => LabelSelector.Parse(selector));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void RejectsOverlongNameAndValue()
    {
        var longName = new string('a', 64);
        Assert.Contains("name part must be no more than 63 characters",
            Assert.Throws<SelectorParseException>(() => LabelSelector.Parse(longName + "=x")).Message);
        Assert.Contains("must be no more than 63 characters",
            Assert.Throws<SelectorParseException>(() => LabelSelector.Parse("x=" + longName)).Message);
        Assert.True(LabelSelector.Parse(new string('a', 63) + "=" + new string('b', 63)).Requirements.Count == 1);
        Assert.Contains("a qualified name must consist",
            Assert.Throws<SelectorParseException>(() => LabelSelector.Parse("a/b/c")).Message);
    }

    [Fact]
    public void EmptySelectorIsEmpty()
    {
        Assert.True(LabelSelector.Parse("").IsEmpty);
        Assert.True(LabelSelector.Parse("   ").IsEmpty);
        Assert.False(LabelSelector.Parse("a").IsEmpty);
    }

    public static TheoryData<V1LabelSelector?, string, bool, bool> V1Rows => new()
    {
        { null, "", false, false },
        { new V1LabelSelector(), "", true, true },
        { new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["tier"] = "frontend", ["app"] = "web" } }, "app=web,tier=frontend", true, false },
        {
            new V1LabelSelector
            {
                MatchExpressions =
            [
                new V1LabelSelectorRequirement { Key = "app", OperatorProperty = "In", Values = ["web", "db"] },
                new V1LabelSelectorRequirement { Key = "tier", OperatorProperty = "NotIn", Values = ["backend"] },
                new V1LabelSelectorRequirement { Key = "example.com/team", OperatorProperty = "Exists" },
                new V1LabelSelectorRequirement { Key = "gone", OperatorProperty = "DoesNotExist" },
            ],
            },
            "app in (db,web),example.com/team,!gone,tier notin (backend)", true, false
        },
        { new V1LabelSelector { MatchLabels = new Dictionary<string, string> { ["app"] = "db" } }, "app=db", false, false },
    };

    [Theory]
    [MemberData(nameof(V1Rows))]
    public void FromV1(V1LabelSelector? selector, string canonical, bool matches, bool empty)
    {
        var parsed = LabelSelector.FromV1(selector);
        Assert.Equal(canonical, parsed.ToString());
        Assert.Equal(matches, parsed.Matches(s_labels));
        Assert.Equal(empty, parsed.IsEmpty);
    }

    [Theory]
    [InlineData("Exists", new[] { "x" }, "values set must be empty for exists and does not exist")]
    [InlineData("In", new string[0], "values set can't be empty")]
    [InlineData("Gt", new[] { "1" }, "\"Gt\" is not a valid label selector operator")]
    public void FromV1RejectsInvalid(string op, string[] values, string fragment)
    {
        var selector = new V1LabelSelector { MatchExpressions = [new V1LabelSelectorRequirement { Key = "a", OperatorProperty = op, Values = values }] };
        Assert.Contains(fragment, Assert.Throws<SelectorParseException>(() => LabelSelector.FromV1(selector)).Message);
    }

    [Fact]
    public void MatchingDoesNotAllocate()
    {
        var selector = LabelSelector.Parse("app in (web,db),tier!=backend,example.com/team,!gone");
        IReadOnlyDictionary<string, string> labels = s_labels;
        selector.Matches(labels);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            selector.Matches(labels);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void JsonMatchingDoesNotAllocate()
    {
        var selector = LabelSelector.Parse("app in (web,db),tier!=backend,example.com/team,!gone");
        Assert.True(selector.Matches(s_jsonLabels));
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100; i++)
        {
            selector.Matches(s_jsonLabels);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
