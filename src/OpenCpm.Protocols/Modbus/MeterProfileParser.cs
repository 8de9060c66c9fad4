using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace OpenCpm.Protocols.Modbus;

/// <summary>
/// Reads one meter profile JSON document (the per-meter object of shared/specs/meter-profiles.json, schema
/// meter-profiles/v1). Documentation fields (notes, sources, extra, addressHex …) are ignored; everything the
/// reading depends on is checked, and a bad value is refused with a sentence naming the file and the field.
/// </summary>
public static partial class MeterProfileParser
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static MeterProfile Parse(string json, string fileName)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException e)
        {
            throw new MeterProfileException($"Meter profile '{fileName}' is not valid JSON (line {e.LineNumber + 1}).", e);
        }

        using (document)
        {
            return new Reader(fileName).Profile(document.RootElement);
        }
    }

    public static string JsonName(MeterQuantity quantity)
    {
        var name = quantity.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();

    private sealed class Reader(string fileName)
    {
        public MeterProfile Profile(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Fail("(root)", $"must be an object but was {Kind(root)}");
            }

            var id = RequiredString(root, "id", "id");
            if (!IdPattern().IsMatch(id))
            {
                throw Fail("id", $"must be lower-case letters, digits and '-' but was \"{id}\"");
            }

            var vendor = RequiredString(root, "vendor", "vendor");
            var model = RequiredString(root, "model", "model");
            var protocolText = RequiredString(root, "protocol", "protocol");
            var protocol = protocolText switch
            {
                "register-map" => MeterProfileProtocol.RegisterMap,
                "sunspec" => MeterProfileProtocol.SunSpec,
                _ => throw Fail("protocol", $"must be \"register-map\" or \"sunspec\" but was \"{protocolText}\""),
            };

            var port = OptionalInt(root, "defaultPort", "defaultPort", 1, 65535) ?? 502;
            var unit = OptionalInt(root, "defaultUnitId", "defaultUnitId", 0, 255);
            var unverified = OptionalBool(root, "unverified", "unverified");

            var powerPositiveIsImport = true;
            if (root.TryGetProperty("powerSign", out var sign) && sign.ValueKind == JsonValueKind.Object)
            {
                var positive = RequiredString(sign, "positive", "powerSign.positive");
                powerPositiveIsImport = positive.StartsWith("import", StringComparison.Ordinal)
                    ? true
                    : positive.StartsWith("export", StringComparison.Ordinal)
                        ? false
                        : throw Fail("powerSign.positive", $"must start with \"import\" or \"export\" but was \"{positive}\"");
                unverified |= OptionalBool(sign, "unverified", "powerSign.unverified");
            }

            var sunSpecModels = new List<int>();
            if (root.TryGetProperty("sunspec", out var sunspec) && sunspec.ValueKind == JsonValueKind.Object)
            {
                if (sunspec.TryGetProperty("preferredModels", out var models))
                {
                    if (models.ValueKind != JsonValueKind.Array)
                    {
                        throw Fail("sunspec.preferredModels", $"must be an array but was {Kind(models)}");
                    }

                    var i = 0;
                    foreach (var m in models.EnumerateArray())
                    {
                        var path = $"sunspec.preferredModels[{i++}]";
                        var value = Int(m, path, 201, 214);
                        if (!SunSpecMeterModel.IsMeterModel(value))
                        {
                            throw Fail(path, $"must be a SunSpec meter model 201..204 or 211..214 but was {value}");
                        }

                        sunSpecModels.Add(value);
                    }
                }

                if (sunspec.TryGetProperty("modelVerified", out var verified) && verified.ValueKind == JsonValueKind.False)
                {
                    unverified = true;
                }
            }

            if (!root.TryGetProperty("registers", out var registers) || registers.ValueKind != JsonValueKind.Object)
            {
                throw Fail("registers", registers.ValueKind == JsonValueKind.Undefined ? "is missing" : $"must be an object but was {Kind(registers)}");
            }

            var points = new Dictionary<MeterQuantity, MeterPoint>();
            foreach (var quantity in Enum.GetValues<MeterQuantity>())
            {
                var name = JsonName(quantity);
                var path = $"registers.{name}";
                if (!registers.TryGetProperty(name, out var element))
                {
                    throw Fail(path, "is missing (write {\"missing\": true} when the meter has no such value)");
                }

                var point = Point(element, path, protocol);
                unverified |= point.Unverified;
                points[quantity] = point;
            }

            return new MeterProfile(id, vendor, model, protocol, port, unit is null ? null : (byte)unit.Value, points)
            {
                Source = fileName,
                PowerPositiveIsImport = powerPositiveIsImport,
                SunSpecModels = sunSpecModels,
                MaxRegistersPerRead = OptionalInt(root, "maxRegistersPerRead", "maxRegistersPerRead", 1, ModbusFrame.MaxReadCount) ?? ModbusFrame.MaxReadCount,
                MaxGapRegisters = OptionalInt(root, "maxGapRegisters", "maxGapRegisters", 0, 100) ?? 0,
                Confidence = root.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : "unknown",
                Unverified = unverified,
            };
        }

        private MeterPoint Point(JsonElement element, string path, MeterProfileProtocol protocol)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Fail(path, $"must be an object but was {Kind(element)}");
            }

            var unverified = OptionalBool(element, "unverified", $"{path}.unverified");
            if (OptionalBool(element, "missing", $"{path}.missing"))
            {
                return MeterPoint.Missing;
            }

            if (element.TryGetProperty("sunspecPoint", out var sunspecPoint))
            {
                var name = sunspecPoint.ValueKind == JsonValueKind.String ? sunspecPoint.GetString()! : "";
                if (protocol != MeterProfileProtocol.SunSpec)
                {
                    throw Fail($"{path}.sunspecPoint", "is only allowed when 'protocol' is \"sunspec\"");
                }

                if (!SunSpecMeterModel.IsKnownPoint(name))
                {
                    throw Fail($"{path}.sunspecPoint", $"must be one of {string.Join(", ", SunSpecMeterModel.PointNames)} but was {Raw(sunspecPoint)}");
                }

                return new MeterPoint(MeterPointKind.SunSpec, [], name, unverified);
            }

            if (protocol == MeterProfileProtocol.SunSpec)
            {
                throw Fail($"{path}.sunspecPoint", "is missing (a \"sunspec\" profile names SunSpec points)");
            }

            if (element.TryGetProperty("compute", out var compute))
            {
                var how = compute.ValueKind == JsonValueKind.String ? compute.GetString() : null;
                switch (how)
                {
                    case "plusMinusMinus":
                        var plus = Value(Required(element, "plus", $"{path}.plus"), $"{path}.plus", unverified);
                        var minus = Value(Required(element, "minus", $"{path}.minus"), $"{path}.minus", unverified);
                        return new MeterPoint(MeterPointKind.PlusMinusMinus, [plus, minus], null, unverified || AnyUnverified(element, "plus", "minus"));
                    case "sum":
                        var terms = Required(element, "terms", $"{path}.terms");
                        if (terms.ValueKind != JsonValueKind.Array || terms.GetArrayLength() == 0)
                        {
                            throw Fail($"{path}.terms", $"must be a non-empty array but was {Kind(terms)}");
                        }

                        var list = new List<RegisterValue>();
                        var i = 0;
                        foreach (var term in terms.EnumerateArray())
                        {
                            list.Add(Value(term, $"{path}.terms[{i}]", unverified));
                            unverified |= OptionalBool(term, "unverified", $"{path}.terms[{i}].unverified");
                            i++;
                        }

                        return new MeterPoint(MeterPointKind.Sum, list, null, unverified);
                    default:
                        throw Fail($"{path}.compute", $"must be \"plusMinusMinus\" or \"sum\" but was {Raw(compute)}");
                }
            }

            return new MeterPoint(MeterPointKind.Register, [Value(element, path, unverified)], null, unverified);
        }

        private bool AnyUnverified(JsonElement element, params string[] names) =>
            names.Any(n => element.TryGetProperty(n, out var e) && e.ValueKind == JsonValueKind.Object && OptionalBool(e, "unverified", n));

        private RegisterValue Value(JsonElement element, string path, bool unverified)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                throw Fail(path, $"must be an object but was {Kind(element)}");
            }

            unverified |= OptionalBool(element, "unverified", $"{path}.unverified");
            var function = Function(element, path);
            var address = (ushort)Int(Required(element, "address", $"{path}.address"), $"{path}.address", 0, 65535);
            var typeText = RequiredString(element, "type", $"{path}.type");
            var type = typeText switch
            {
                "int16" => RegisterType.Int16,
                "uint16" => RegisterType.UInt16,
                "int32" => RegisterType.Int32,
                "uint32" => RegisterType.UInt32,
                "int64" => RegisterType.Int64,
                "uint64" => RegisterType.UInt64,
                "float32" => RegisterType.Float32,
                "float64" => RegisterType.Float64,
                _ => throw Fail($"{path}.type", $"must be one of int16, uint16, int32, uint32, int64, uint64, float32, float64 but was \"{typeText}\""),
            };

            var size = RegisterCodec.RegisterCount(type);
            if (address + size > 65536)
            {
                throw Fail($"{path}.address", $"leaves no room for {size} registers but was {address}");
            }

            var count = OptionalInt(element, "count", $"{path}.count", 1, 125);
            if (count is not null && count != size)
            {
                throw Fail($"{path}.count", $"must be {size} for type {typeText} but was {count}");
            }

            var wordOrder = WordOrder.Big;
            if (element.TryGetProperty("wordOrder", out var order))
            {
                wordOrder = order.ValueKind == JsonValueKind.String && order.GetString() is "big" or "little"
                    ? order.GetString() == "big" ? WordOrder.Big : WordOrder.Little
                    : throw Fail($"{path}.wordOrder", $"must be \"big\" or \"little\" but was {Raw(order)}");
            }

            double scale = 1;
            if (element.TryGetProperty("scale", out var scaleElement))
            {
                if (scaleElement.ValueKind == JsonValueKind.Null)
                {
                    // An unknown scale is tolerated only where the register is already marked unverified.
                    if (!unverified)
                    {
                        throw Fail($"{path}.scale", "is null but the value is not marked \"unverified\"");
                    }
                }
                else if (scaleElement.ValueKind != JsonValueKind.Number || !scaleElement.TryGetDouble(out scale) || scale == 0 || !double.IsFinite(scale))
                {
                    throw Fail($"{path}.scale", $"must be a non-zero number but was {Raw(scaleElement)}");
                }
            }

            RegisterValue? exponent = null;
            if (element.TryGetProperty("exponentRegister", out var exponentElement))
            {
                exponent = Value(exponentElement, $"{path}.exponentRegister", unverified);
                if (exponent.Type != RegisterType.Int16)
                {
                    throw Fail($"{path}.exponentRegister.type", $"must be int16 but was {exponent.Type.ToString().ToLowerInvariant()}");
                }
            }

            RegisterValue? factor = null;
            if (element.TryGetProperty("factorRegister", out var factorElement))
            {
                factor = Value(factorElement, $"{path}.factorRegister", unverified);
            }

            return new RegisterValue(function, address, type, wordOrder, scale) { ExponentRegister = exponent, FactorRegister = factor };
        }

        private ModbusFunction Function(JsonElement element, string path)
        {
            var fc = Int(Required(element, "fc", $"{path}.fc"), $"{path}.fc", int.MinValue, int.MaxValue);
            return fc switch
            {
                3 => ModbusFunction.ReadHoldingRegisters,
                4 => ModbusFunction.ReadInputRegisters,
                _ => throw Fail($"{path}.fc", $"must be 3 or 4 but was {fc}"),
            };
        }

        private JsonElement Required(JsonElement parent, string name, string path) =>
            parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : throw Fail(path, "is missing");

        private string RequiredString(JsonElement parent, string name, string path)
        {
            var value = Required(parent, name, path);
            return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
                ? text
                : throw Fail(path, $"must be a non-empty string but was {Raw(value)}");
        }

        private int? OptionalInt(JsonElement parent, string name, string path, int min, int max) =>
            parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? Int(value, path, min, max) : null;

        private bool OptionalBool(JsonElement parent, string name, string path)
        {
            if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                return false;
            }

            return value.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                _ => throw Fail(path, $"must be true or false but was {Raw(value)}"),
            };
        }

        private int Int(JsonElement value, string path, int min, int max)
        {
            if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt32(out var number))
            {
                throw Fail(path, $"must be an integer but was {Raw(value)}");
            }

            return number >= min && number <= max
                ? number
                : throw Fail(path, string.Create(CultureInfo.InvariantCulture, $"must be {min}..{max} but was {number}"));
        }

        private MeterProfileException Fail(string path, string problem) => new($"Meter profile '{fileName}': '{path}' {problem}.");

        private static string Kind(JsonElement element) => element.ValueKind.ToString().ToLowerInvariant();

        private static string Raw(JsonElement element) => element.ValueKind == JsonValueKind.Undefined ? "missing" : element.GetRawText();
    }
}
