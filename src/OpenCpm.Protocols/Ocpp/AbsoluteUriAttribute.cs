namespace OpenCpm.Protocols.Ocpp;

/// <summary>The string must be an absolute URI with a scheme (schema <c>format: uri</c>, OCPP <c>anyURI</c>).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class AbsoluteUriAttribute : Attribute;
