namespace OpenCpm.Security;

/// <summary>The rule of <see cref="PasswordPolicy"/> a password breaks (the web UI shows it in the user's language).</summary>
internal enum PasswordRule
{
    TooShort,
    TooLong,
    RepeatedCharacters,
    TooFewKinds,
    ControlCharacters,
}
