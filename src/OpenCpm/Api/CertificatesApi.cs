using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using OpenCpm.Data;
using OpenCpm.Ocpp.Certificates;
using OpenCpm.Protocols.Ocpp.V16;
using OpenCpm.Security;

namespace OpenCpm.Api;

/// <summary>
/// /api/v1/ocpp/certificates: the certificates of the OCPP security whitepaper (Central System root, Manufacturer root,
/// Charge Point Certificate with its key): list (never a key), upload as PEM or .pfx, delete.
/// </summary>
internal static class CertificatesApi
{
    /// <summary>The largest upload accepted (a chain of ten certificates and a key fit many times over).</summary>
    public const int MaxUploadBytes = 256 * 1024;

    public static RouteGroupBuilder MapCertificatesApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/ocpp/certificates").WithTags("OCPP backend");
        group.MapGet("/", (CertificateStore store) => TypedResults.Ok(store.All.Select(CertificateDto.From).ToList()))
            .WithName("ListOcppCertificates").WithSummary("The installed certificates: subject, issuer, validity, SHA-256 fingerprint (never a private key).");
        group.MapPost("/", UploadAsync).WithMetadata(new RequestSizeLimitAttribute(MaxUploadBytes))
            .WithName("UploadOcppCertificate")
            .WithSummary("Installs a Central System root, a Manufacturer root, or the charge point certificate with its key (replacing the one before), from PEM or a base64 .pfx with its password.");
        group.MapDelete("/{id:long}", DeleteAsync).WithName("DeleteOcppCertificate")
            .WithSummary("Deletes an installed certificate; 409 when the backend connection stands on it.");
        return api;
    }

    private static async Task<Results<Created<CertificateDto>, ProblemHttpResult>> UploadAsync(
        CertificateUploadRequest body, CertificateUploads uploads, EventLog events, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        byte[]? pfx = null;
        if (body.Pfx is { } base64)
        {
            try
            {
                pfx = Convert.FromBase64String(base64);
            }
            catch (FormatException)
            {
                return Problem("pfx must be the .pfx file in base64.", "pfx", StatusCodes.Status400BadRequest);
            }
        }

        var result = await uploads.UploadAsync(body.Type, body.Pem, pfx, body.Password, cancellationToken);
        if (result is { Status: InstallCertificateStatus.Accepted, Certificate: { } installed })
        {
            await events.ChangedAsync(user, $"the OCPP certificates: {body.Type} \"{LogText.Escape(installed.Subject)}\" installed", cancellationToken);
            return TypedResults.Created($"/api/v1/ocpp/certificates/{installed.Id}", CertificateDto.From(installed));
        }

        return Problem(result.Problem ?? "The certificate was not installed.", result.Field,
            result.Status == InstallCertificateStatus.Failed ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status400BadRequest);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        long id, CertificateStore store, EventLog events, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var subject = store.All.FirstOrDefault(c => c.Id == id)?.Subject;
        var removal = await store.DeleteAsync(id, cancellationToken);
        switch (removal.Status)
        {
            case CertificateRemovalStatus.Deleted:
                await events.ChangedAsync(user, $"the OCPP certificates: \"{LogText.Escape(subject ?? "")}\" deleted", cancellationToken);
                return TypedResults.NoContent();
            case CertificateRemovalStatus.NotFound:
                return ApiProblems.NotFound(removal.Problem!);
            case CertificateRemovalStatus.InUse:
                return TypedResults.Problem(detail: removal.Problem, statusCode: StatusCodes.Status409Conflict, title: "Certificate in use");
            default:
                return TypedResults.Problem(detail: removal.Problem, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not deleted");
        }
    }

    private static ProblemHttpResult Problem(string detail, string field, int status) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: status == StatusCodes.Status400BadRequest ? "Bad request" : "Not installed",
            extensions: new Dictionary<string, object?> { ["field"] = field });
}
