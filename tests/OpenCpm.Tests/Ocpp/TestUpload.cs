namespace OpenCpm.Tests.Ocpp;

/// <summary>A file the controller uploaded to the <see cref="TestFileServer"/>.</summary>
internal sealed record TestUpload(string FileName, string ContentType, byte[] Content);
