using Microsoft.AspNetCore.Http.HttpResults;
using OpenCpm.Settings;

namespace OpenCpm.Api;

/// <summary>RFC 7807 answers with a sentence that says what was wrong.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");

    /// <summary>Settings refused by validation: the sentences joined in <c>detail</c>, one each in <c>errors</c>.</summary>
    public static ProblemHttpResult Invalid(IReadOnlyList<string> errors) =>
        TypedResults.Problem(
            detail: string.Join(" ", errors),
            statusCode: StatusCodes.Status400BadRequest,
            title: "Invalid settings",
            extensions: new Dictionary<string, object?> { ["errors"] = errors });

    /// <summary>An edit that was not saved: 404 when it named something that does not exist, else 400 with the reasons.</summary>
    public static ProblemHttpResult From<T>(SettingsOutcome<T> outcome)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        return outcome.Missing is { } missing ? NotFound(missing) : Invalid(outcome.Errors);
    }

    public static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}
