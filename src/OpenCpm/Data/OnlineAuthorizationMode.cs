namespace OpenCpm.Data;

internal enum OnlineAuthorizationMode
{
    FirstLocal,
    FirstOnline,
    OnlyLocal,
}
