using Microsoft.Extensions.Localization;
using OpenCpm.Security;
using OpenCpm.Web.Resources;

namespace OpenCpm.Web;

/// <summary>A refused password change in the user's language: which rule of <see cref="PasswordPolicy"/> the new password breaks, or why else.</summary>
internal static class PasswordProblemText
{
    public static string For(IStringLocalizer<UiText> text, string problem, string newPassword)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(newPassword);
        return problem switch
        {
            UserAccounts.WrongCurrentPassword => text["Password.WrongCurrent"],
            UserAccounts.SamePassword => text["Password.Same"],
            _ => PasswordPolicy.Broken(newPassword) switch
            {
                PasswordRule.TooShort => text["Password.Rule.TooShort", PasswordPolicy.MinLength],
                PasswordRule.TooLong => text["Password.Rule.TooLong", PasswordPolicy.MaxLength],
                PasswordRule.RepeatedCharacters => text["Password.Rule.Repeated"],
                PasswordRule.TooFewKinds => text["Password.Rule.Kinds"],
                _ => problem,
            },
        };
    }
}
