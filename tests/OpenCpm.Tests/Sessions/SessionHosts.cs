namespace OpenCpm.Tests.Sessions;

/// <summary>The session tests each run whole hosts and stations; one at a time keeps the machine's load (and other tests' timing) sane.</summary>
[CollectionDefinition(Name)]
public sealed class SessionHosts
{
    public const string Name = "Session hosts";
}
