using System.Security.Cryptography;

namespace OpenCpm.Security;

/// <summary>Random passwords that meet <see cref="PasswordPolicy"/> (for the first login).</summary>
internal static class PasswordGenerator
{
    // No look-alikes (0/O, 1/l/I) so the password can be typed from a console.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789-_.";

    public static string Generate(int length = 16)
    {
        while (true)
        {
            var candidate = RandomNumberGenerator.GetString(Alphabet, length);
            if (PasswordPolicy.Check(candidate) is null)
            {
                return candidate;
            }
        }
    }
}
