using Microsoft.Extensions.Localization;
using OpenCpm.Security;
using OpenCpm.Web.Resources;

namespace OpenCpm.Web;

/// <summary>A refused password change in the user's language: which rule of <see cref="PasswordPolicy"/> the new password breaks, or why else.</summary>
internal static class PasswordProblemText
{
    public static string For(IStringLocalizer<UiText> text, PasswordChangeOutcome outcome, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(outcome);
        ArgumentNullException.ThrowIfNull(newPassword);
        if (outcome.LockedOut)
        {
            return text["Login.LockedOut", (int)Math.Ceiling(outcome.RetryAfter.TotalSeconds)];
        }

        return outcome.Problem switch
        {
            UserAccounts.WrongCurrentPassword => text["Password.WrongCurrent"],
            UserAccounts.SamePassword => text["Password.Same"],
            _ => PasswordPolicy.Broken(newPassword) switch
            {
                PasswordRule.TooShort => text["Password.Rule.TooShort", PasswordPolicy.MinLength],
                PasswordRule.TooLong => text["Password.Rule.TooLong", PasswordPolicy.MaxLength],
                PasswordRule.RepeatedCharacters => text["Password.Rule.Repeated"],
                PasswordRule.TooFewKinds => text["Password.Rule.Kinds"],
                PasswordRule.ControlCharacters => text["Password.Rule.Control"],
                _ => outcome.Problem ?? "",
            },
        };
    }
}
