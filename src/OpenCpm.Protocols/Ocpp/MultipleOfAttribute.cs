namespace OpenCpm.Protocols.Ocpp;

/// <summary>The decimal must be a whole multiple of <see cref="Step"/> (schema <c>multipleOf</c>; OCPP limits: 0.1).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MultipleOfAttribute(double step) : Attribute
{
    public double Step { get; } = step;
}
