namespace OpenCpm.Protocols.Modbus;

/// <summary>
/// The requests that read every register a register-map profile needs: values of one function code are sorted by
/// address and joined into one request while they are adjacent (or within the profile's allowed gap) and the
/// request stays within the profile's register limit. A value is always read from its first register.
/// </summary>
public static class ReadPlan
{
    public static IReadOnlyList<RegisterBlock> For(MeterProfile profile)
    {
        var leaves = new List<(RegisterValue Value, bool Optional)>();
        foreach (var (quantity, point) in profile.Points)
        {
            var optional = quantity is MeterQuantity.EnergyImportTotal or MeterQuantity.EnergyExportTotal;
            foreach (var term in point.Terms)
            {
                leaves.Add((term, optional));
                if (term.ExponentRegister is { } exponent)
                {
                    leaves.Add((exponent, optional));
                }

                if (term.FactorRegister is { } factor && term.ExponentRegister is null)
                {
                    leaves.Add((factor, optional));
                }
            }
        }

        var blocks = new List<RegisterBlock>();
        foreach (var group in leaves.GroupBy(l => l.Value.Function).OrderBy(g => g.Key))
        {
            var start = -1;
            var end = -1;
            var optional = true;
            foreach (var (value, isOptional) in group.OrderBy(l => l.Value.Address).ThenBy(l => l.Value.Count))
            {
                var valueEnd = value.Address + value.Count;
                if (start >= 0 && value.Address <= end + profile.MaxGapRegisters && Math.Max(end, valueEnd) - start <= profile.MaxRegistersPerRead)
                {
                    end = Math.Max(end, valueEnd);
                    optional &= isOptional;
                    continue;
                }

                if (start >= 0)
                {
                    blocks.Add(new RegisterBlock(group.Key, (ushort)start, (ushort)(end - start), optional));
                }

                start = value.Address;
                end = valueEnd;
                optional = isOptional;
            }

            if (start >= 0)
            {
                blocks.Add(new RegisterBlock(group.Key, (ushort)start, (ushort)(end - start), optional));
            }
        }

        return blocks;
    }
}
