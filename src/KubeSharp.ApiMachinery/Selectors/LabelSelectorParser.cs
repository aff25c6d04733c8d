namespace KubeSharp.ApiMachinery.Selectors;

/// <summary>
/// Recursive-descent parser for upstream's label selector grammar (<c>labels.Parse</c>): comma-separated
/// requirements, each <c>key</c>, <c>!key</c>, <c>key op value</c> or <c>key in|notin (values)</c>. Errors use
/// upstream's wording: <c>found 'x', expected: ...</c>, prefixed with <c>unable to parse requirement: </c> when
/// raised inside a requirement.
/// </summary>
internal ref struct LabelSelectorParser
{
    private const string BinaryOperators = "in, notin, =, ==, !=, gt, lt";

    private readonly string _input;
    private int _position;

    internal LabelSelectorParser(string input)
    {
        _input = input;
        _position = 0;
    }

    private enum TokenKind
    {
        EndOfString,
        Identifier,
        Comma,
        Equals,
        DoubleEquals,
        NotEquals,
        Bang,
        OpenParen,
        CloseParen,
        GreaterThan,
        LessThan,
    }

    internal List<LabelRequirement> Parse()
    {
        var requirements = new List<LabelRequirement>();
        while (true)
        {
            var (kind, literal) = Peek();
            switch (kind)
            {
                case TokenKind.EndOfString:
                    return requirements;
                case TokenKind.Identifier or TokenKind.Bang:
                    try
                    {
                        requirements.Add(ParseRequirement());
                    }
                    catch (SelectorParseException e)
                    {
                        // Upstream prefixes every error raised while reading one requirement.
                        throw Error("unable to parse requirement: " + e.Message);
                    }

                    (kind, literal) = Next();
                    if (kind == TokenKind.EndOfString)
                    {
                        return requirements;
                    }

                    if (kind != TokenKind.Comma)
                    {
                        throw Error($"found '{literal}', expected: ',' or 'end of string'");
                    }

                    var (after, afterLiteral) = Peek();
                    if (after is not (TokenKind.Identifier or TokenKind.Bang))
                    {
                        throw Error($"found '{afterLiteral}', expected: identifier after ','");
                    }

                    break;
                default:
                    throw Error($"found '{literal}', expected: !, identifier, or 'end of string'");
            }
        }
    }

    private LabelRequirement ParseRequirement()
    {
        var (kind, key) = Next();
        var negated = kind == TokenKind.Bang;
        if (negated)
        {
            (kind, key) = Next();
        }

        if (kind != TokenKind.Identifier)
        {
            throw Error($"found '{key}', expected: identifier");
        }

        // Upstream validates the key before looking at the operator.
        if (LabelRequirement.KeyError(key) is { } keyError)
        {
            throw Error(keyError);
        }

        var (following, _) = Peek();
        if (negated)
        {
            // "!a=b" leaves "=" for the caller, which then reports it as unexpected, as upstream does.
            return LabelRequirement.Create(key, SelectorOperator.DoesNotExist, []);
        }

        if (following is TokenKind.EndOfString or TokenKind.Comma)
        {
            return LabelRequirement.Create(key, SelectorOperator.Exists, []);
        }

        var (opKind, opLiteral) = Next();
        var op = opKind switch
        {
            TokenKind.Equals => SelectorOperator.Equals,
            TokenKind.DoubleEquals => SelectorOperator.DoubleEquals,
            TokenKind.NotEquals => SelectorOperator.NotEquals,
            TokenKind.GreaterThan => SelectorOperator.GreaterThan,
            TokenKind.LessThan => SelectorOperator.LessThan,
            TokenKind.Identifier when opLiteral == "in" => SelectorOperator.In,
            TokenKind.Identifier when opLiteral == "notin" => SelectorOperator.NotIn,
            _ => throw Error($"found '{opLiteral}', expected: {BinaryOperators}"),
        };

        var values = op is SelectorOperator.In or SelectorOperator.NotIn ? ParseValueSet() : [ParseExactValue()];
        return LabelRequirement.Create(key, op, values);
    }

    private List<string> ParseValueSet()
    {
        var (kind, literal) = Next();
        if (kind != TokenKind.OpenParen)
        {
            throw Error($"found '{literal}', expected: '('");
        }

        var values = new List<string>();
        if (Peek().Kind == TokenKind.CloseParen)
        {
            Next();
            return values;
        }

        // Values between commas may be empty ("a in (,x)" holds "" and "x"), as upstream allows.
        while (true)
        {
            (kind, literal) = Peek();
            if (kind == TokenKind.Identifier)
            {
                Next();
                values.Add(literal);
                (kind, literal) = Peek();
            }
            else
            {
                values.Add(string.Empty);
            }

            Next();
            if (kind == TokenKind.CloseParen)
            {
                return values;
            }

            if (kind != TokenKind.Comma)
            {
                throw Error($"found '{literal}', expected: ',', ')' or identifier");
            }
        }
    }

    private string ParseExactValue()
    {
        var (kind, literal) = Peek();
        if (kind is TokenKind.EndOfString or TokenKind.Comma)
        {
            return string.Empty;
        }

        Next();
        if (kind != TokenKind.Identifier)
        {
            throw Error($"found '{literal}', expected: identifier");
        }

        return literal;
    }

    private (TokenKind Kind, string Literal) Peek()
    {
        var saved = _position;
        var token = Next();
        _position = saved;
        return token;
    }

    private (TokenKind Kind, string Literal) Next()
    {
        var s = _input;
        while (_position < s.Length && char.IsWhiteSpace(s[_position]))
        {
            _position++;
        }

        if (_position >= s.Length)
        {
            return (TokenKind.EndOfString, string.Empty);
        }

        var c = s[_position];
        var hasNext = _position + 1 < s.Length;
        switch (c)
        {
            case ',':
                _position++;
                return (TokenKind.Comma, ",");
            case '(':
                _position++;
                return (TokenKind.OpenParen, "(");
            case ')':
                _position++;
                return (TokenKind.CloseParen, ")");
            case '>':
                _position++;
                return (TokenKind.GreaterThan, ">");
            case '<':
                _position++;
                return (TokenKind.LessThan, "<");
            case '=':
                if (hasNext && s[_position + 1] == '=')
                {
                    _position += 2;
                    return (TokenKind.DoubleEquals, "==");
                }

                _position++;
                return (TokenKind.Equals, "=");
            case '!':
                if (hasNext && s[_position + 1] == '=')
                {
                    _position += 2;
                    return (TokenKind.NotEquals, "!=");
                }

                _position++;
                return (TokenKind.Bang, "!");
        }

        var start = _position;
        while (_position < s.Length && !IsSpecial(s[_position]) && !char.IsWhiteSpace(s[_position]))
        {
            _position++;
        }

        return (TokenKind.Identifier, s[start.._position]);
    }

    private static bool IsSpecial(char c) => c is ',' or '(' or ')' or '=' or '!' or '>' or '<';

    private static SelectorParseException Error(string message) => new(message);
}
