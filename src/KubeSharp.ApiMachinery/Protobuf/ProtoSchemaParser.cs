using System.Globalization;

namespace KubeSharp.ApiMachinery.Protobuf;

// Reads the subset of proto2 that our schema files use: package, import, option, extend (skipped), flat messages
// with optional/repeated/required/map fields and [json_name = "...", (kubesharp.omitempty) = true,
// (kubesharp.inline) = true] options. The schema is our own source, so a syntax error is a bug and throws.
internal sealed class ProtoSchemaParser
{
    private readonly List<string> _tokens;
    private int _pos;
    private string _package = "";

    private ProtoSchemaParser(string text) => _tokens = Tokenize(text);

    public static void Parse(string text, Dictionary<string, ProtoMessage> into) => new ProtoSchemaParser(text).ParseFile(into);

    private void ParseFile(Dictionary<string, ProtoMessage> into)
    {
        while (_pos < _tokens.Count)
        {
            var keyword = Next();
            switch (keyword)
            {
                case "syntax" or "import" or "option":
                    SkipPast(";");
                    break;
                case "package":
                    _package = Next();
                    Expect(";");
                    break;
                case "extend":
                    SkipBlock();
                    break;
                case "message":
                    var message = ParseMessage();
                    if (!into.TryAdd(message.FullName, message))
                    {
                        throw Error($"message {message.FullName} is declared twice");
                    }

                    break;
                default:
                    throw Error($"unexpected '{keyword}'");
            }
        }
    }

    private ProtoMessage ParseMessage()
    {
        var message = new ProtoMessage(_package + "." + Next());
        Expect("{");
        while (Peek() != "}")
        {
            var field = ParseField();
            if (!message.Fields.TryAdd(field.Number, field))
            {
                throw Error($"{message.FullName} declares field number {field.Number} twice");
            }
        }
        Expect("}");
        return message;
    }

    private ProtoField ParseField()
    {
        var label = Next();
        bool isMap = label == "map";
        string typeName;
        string keyType = "string";
        if (isMap)
        {
            Expect("<");
            keyType = Next();
            Expect(",");
            typeName = Next();
            Expect(">");
        }
        else if (label is "optional" or "repeated" or "required")
        {
            typeName = Next();
        }
        else
        {
            throw Error($"expected a field label, got '{label}'");
        }

        var name = Next();
        Expect("=");
        var number = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture);
        string jsonName = name;
        bool omitEmpty = false, inline = false;
        if (Peek() == "[")
        {
            Next();
            do
            {
                var option = Next();
                if (option == "(")
                {
                    option = Next();
                    Expect(")");
                }
                Expect("=");
                var value = Next();
                switch (option)
                {
                    case "json_name": jsonName = Unquote(value); break;
                    case "kubesharp.omitempty": omitEmpty = value == "true"; break;
                    case "kubesharp.inline": inline = value == "true"; break;
                    default: throw Error($"unknown field option '{option}'");
                }
            }
            while (TryTake(","));
            Expect("]");
        }
        Expect(";");

        bool scalar = ProtoKindExtensions.TryParse(typeName, out var kind);
        ProtoKind keyKind = ProtoKind.String;
        if (isMap && !ProtoKindExtensions.TryParse(keyType, out keyKind))
        {
            throw Error($"map key type '{keyType}' is not a scalar");
        }

        return new ProtoField
        {
            Number = number,
            Name = name,
            JsonName = jsonName,
            Kind = kind,
            TypeName = scalar ? null : typeName,
            Repeated = label == "repeated" || isMap,
            IsMap = isMap,
            MapKeyKind = keyKind,
            OmitEmpty = omitEmpty,
            Inline = inline,
        };
    }

    private string Next() => _pos < _tokens.Count ? _tokens[_pos++] : throw Error("unexpected end of schema");

    private string? Peek() => _pos < _tokens.Count ? _tokens[_pos] : null;

    private bool TryTake(string token)
    {
        if (Peek() != token)
        {
            return false;
        }

        _pos++;
        return true;
    }

    private void Expect(string token)
    {
        var actual = Next();
        if (actual != token)
        {
            throw Error($"expected '{token}', got '{actual}'");
        }
    }

    private void SkipPast(string token)
    {
        while (Next() != token)
        {
        }
    }

    private void SkipBlock()
    {
        SkipPast("{");
        for (int depth = 1; depth > 0;)
        {
            var token = Next();
            depth += token == "{" ? 1 : token == "}" ? -1 : 0;
        }
    }

    private FormatException Error(string message) => new($"proto schema (package {_package}): {message}");

    private static string Unquote(string token) =>
        token.Length >= 2 && token[0] == '"' && token[^1] == '"' ? token[1..^1] : token;

    // Identifiers keep their dots (".k8s.io.api.core.v1.PodSpec" is one token); strings keep their quotes.
    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        for (int i = 0; i < text.Length;)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c == '/' && i + 1 < text.Length && text[i + 1] == '/')
            {
                while (i < text.Length && text[i] != '\n')
                {
                    i++;
                }
            }
            else if (c == '"')
            {
                int end = text.IndexOf('"', i + 1);
                if (end < 0)
                {
                    throw new FormatException("proto schema: unterminated string");
                }

                tokens.Add(text[i..(end + 1)]);
                i = end + 1;
            }
            else if (char.IsLetterOrDigit(c) || c is '_' or '.')
            {
                int start = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '_' or '.'))
                {
                    i++;
                }

                tokens.Add(text[start..i]);
            }
            else
            {
                tokens.Add(c.ToString());
                i++;
            }
        }
        return tokens;
    }
}
