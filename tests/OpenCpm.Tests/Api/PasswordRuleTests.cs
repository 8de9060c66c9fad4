using System.Net;
using System.Net.Http.Json;
using OpenCpm.Security;

namespace OpenCpm.Tests.Api;

/// <summary>
/// Issue 9: password rules count characters as people see them (text elements), not UTF-16 units, and refuse NUL
/// and control characters. Each row with a sentence was accepted before (or, for the last, refused).
/// </summary>
public sealed class PasswordRuleTests
{
    public static TheoryData<string, string?> Passwords => new()
    {
        { "Aa1😀😀😀😀", "The new password must have at least 10 characters." }, // 11 UTF-16 units, 7 characters
        { "Ab1cd😀😀😀xy", "The new password must not repeat the same character more than twice in a row." },
        { "Ab1e\u0301e\u0301e\u0301xyzw", "The new password must not repeat the same character more than twice in a row." }, // é as e + combining accent
        { "Abcdefgh1\0", "The new password must not contain control characters, line breaks or broken characters." },
        { "Abcdefgh1!\n", "The new password must not contain control characters, line breaks or broken characters." },
        { "Abcdefgh1!\uD800", "The new password must not contain control characters, line breaks or broken characters." },
        { "Äbcdefgh1ß", null }, // upper, lower, digit: accented letters count as letters
        { string.Concat(Enumerable.Range(0, 60).Select(i => char.ConvertFromUtf32(0x1F600 + (i % 3)))) + "Ab1", null }, // 63 characters, though 123 UTF-16 units
    };

    [Theory, MemberData(nameof(Passwords))]
    public void Passwords_are_counted_in_characters_people_see_and_control_characters_are_refused(string password, string? problem) =>
        Assert.Equal(problem, PasswordPolicy.Check(password));

    [Fact]
    public async Task A_password_with_a_nul_character_is_refused_over_http()
    {
        await using var app = await OpenCpmApplication.StartAsync();
        using var admin = await app.CreateClientAsync();

        var response = await admin.PostAsJsonAsync("/api/v1/auth/password", new { currentPassword = OpenCpmApplication.AdminPassword, newPassword = "Abcdefgh1\0" }, TestContext.Current.CancellationToken);

        Assert.Equal("The new password must not contain control characters, line breaks or broken characters.", await ProblemAssert.DetailAsync(response, HttpStatusCode.BadRequest));
    }
}
