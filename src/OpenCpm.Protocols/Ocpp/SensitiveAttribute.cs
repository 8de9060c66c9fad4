namespace OpenCpm.Protocols.Ocpp;

/// <summary>The field may carry a secret (ChangeConfiguration's value may be the AuthorizationKey): error sentences never show it.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;
