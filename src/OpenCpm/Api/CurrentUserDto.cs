namespace OpenCpm.Api;

internal sealed record CurrentUserDto(string Name, string Role, bool MustChangePassword);
