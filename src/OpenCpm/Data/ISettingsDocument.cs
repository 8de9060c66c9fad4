namespace OpenCpm.Data;

/// <summary>A settings document kept as JSON under <see cref="Key"/>, with its defaults and its validation.</summary>
internal interface ISettingsDocument<TSelf>
    where TSelf : ISettingsDocument<TSelf>
{
    static abstract string Key { get; }

    static abstract TSelf Default { get; }

    /// <summary>What is wrong, one sentence each; empty when the document can be saved.</summary>
    IReadOnlyList<string> Validate();
}
