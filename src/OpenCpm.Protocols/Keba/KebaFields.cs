using System.Globalization;
using System.Text.Json;

namespace OpenCpm.Protocols.Keba;

/// <summary>The fields of one JSON datagram, read by name with range checks that throw a one-sentence error.</summary>
internal sealed class KebaFields(string context, Dictionary<string, JsonElement> fields)
{
    public string Context => context;

    public bool Has(string name) => fields.ContainsKey(name);

    public int Int(string name, int min, int max) => (int)Long(name, min, max);

    public int? OptionalInt(string name, int min, int max) => Has(name) ? Int(name, min, max) : null;

    public int IntOrZero(string name, int min, int max) => Has(name) ? Int(name, min, max) : 0;

    public long LongOrZero(string name, long min, long max) => Has(name) ? Long(name, min, max) : 0;

    public long Long(string name, long min, long max)
    {
        if (!fields.TryGetValue(name, out var element))
        {
            throw new KebaProtocolException($"{context}: '{name}' is missing");
        }

        var value = Number(name, element);
        if (value < min || value > max)
        {
            throw new KebaProtocolException(
                $"{context}: '{name}' must be {min.ToString(CultureInfo.InvariantCulture)}..{max.ToString(CultureInfo.InvariantCulture)} but was {value.ToString(CultureInfo.InvariantCulture)}");
        }

        return value;
    }

    public string Text(string name)
    {
        if (!fields.TryGetValue(name, out var element))
        {
            throw new KebaProtocolException($"{context}: '{name}' is missing");
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString()!.Trim(),
            JsonValueKind.Number => element.GetRawText(),
            _ => throw new KebaProtocolException($"{context}: '{name}' must be a text but was {element.GetRawText()}"),
        };
    }

    public string TextOrEmpty(string name) => Has(name) ? Text(name) : "";

    public byte? OptionalHexByte(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        var text = Text(name);
        var digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text[2..] : text;
        if (!byte.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var value))
        {
            throw new KebaProtocolException($"{context}: '{name}' must be a hex byte like \"0x25\" but was \"{text}\"");
        }

        return value;
    }

    public long Number(string name, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Number:
                if (element.TryGetInt64(out var whole))
                {
                    return whole;
                }

                throw new KebaProtocolException($"{context}: '{name}' must be a whole number but was {element.GetRawText()}");
            case JsonValueKind.String:
                // Some firmware quotes numbers; accept them when they are plain integers.
                if (long.TryParse(element.GetString()!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var parsed))
                {
                    return parsed;
                }

                throw new KebaProtocolException($"{context}: '{name}' must be a number but was {element.GetRawText()}");
            default:
                throw new KebaProtocolException($"{context}: '{name}' must be a number but was {element.GetRawText()}");
        }
    }
}
