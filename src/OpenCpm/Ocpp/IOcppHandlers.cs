using OpenCpm.Protocols.Ocpp;

namespace OpenCpm.Ocpp;

/// <summary>
/// The handlers of one group of backend → controller actions (a feature profile or part of one), registered on the
/// link's router. A new feature adds a class and one line in Hosting/OcppExtensions; an action nobody handles is
/// answered NotSupported.
/// </summary>
internal interface IOcppHandlers
{
    void Register(OcppRouter router);
}
