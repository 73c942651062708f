using System.Data.Common;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ReformTrack.Localization;

namespace ReformTrack.Shared;

/// <summary>
/// Turns what the use cases throw into RFC 9457 problem details, in the caller's language:
/// a broken rule is 400 with the field at fault in <c>errors</c>; an unknown id 404; an edit of
/// a stale version 412; a duplicate code 409. Nothing was saved in any of these cases.
/// </summary>
internal sealed class ApiErrors(IStringLocalizer<ErrorText> text, IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            RuleViolation violation => Validation(violation),
            BadHttpRequestException bad => BadRequest(bad),
            NotFound notFound => new HttpValidationProblemDetails
            {
                Status = StatusCodes.Status404NotFound,
                Title = text["Not found."],
                Detail = text["{0} {1} was not found.", notFound.Entity, notFound.Id],
            },
            StaleVersion stale => Stale(text["Someone else saved a newer version (it is now version {0}). Reload and try again.", stale.Actual]),
            PreconditionRequired => new HttpValidationProblemDetails
            {
                Status = StatusCodes.Status428PreconditionRequired,
                Title = text["If-Match is required."],
                Detail = text["Send If-Match with the ETag you read, so that no one else's change is overwritten."],
            },
            DbUpdateConcurrencyException => Stale(text["Someone else saved a newer version. Reload and try again."]),
            DbUpdateException { InnerException: DbException db } when IsUniqueViolation(db) => new HttpValidationProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = text["Already exists."],
                Detail = text["Another record already uses this code or number."],
            },
            _ when http.Request.Path.StartsWithSegments("/api") => new HttpValidationProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = text["The server could not complete the request."],
                Detail = text["Nothing was saved. The error has been logged; try again or report it with the trace id."],
            },
            _ => null,
        };

        if (problem is null)
        {
            return false;
        }

        http.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    private HttpValidationProblemDetails Validation(RuleViolation violation)
    {
        var message = text.Describe(violation);
        var problem = new HttpValidationProblemDetails
        {
            Status = StatusCodes.Status400BadRequest,
            Title = text["The request is not valid."],
            Detail = message,
            Type = "https://reformtrack.org/problems/" + violation.Rule,
        };
        problem.Extensions["rule"] = violation.Rule;
        if (violation.Field is { } field)
        {
            problem.Errors[field] = [message];
        }

        return problem;
    }

    /// <summary>A request the framework could not bind: a malformed query value or JSON body.</summary>
    private HttpValidationProblemDetails BadRequest(BadHttpRequestException bad)
    {
        var problem = new HttpValidationProblemDetails
        {
            Status = bad.StatusCode,
            Title = text["The request is not valid."],
            Detail = bad.Message,
        };
        var field = bad.InnerException is System.Text.Json.JsonException { Path: { Length: > 2 } path }
            ? path.TrimStart('$', '.')
            : ParameterName(bad.Message);
        if (field is not null)
        {
            problem.Errors[field] = [bad.InnerException?.Message ?? bad.Message];
        }

        return problem;
    }

    /// <summary>Reads the parameter out of 'Failed to bind parameter "int? page" from "x".'.</summary>
    private static string? ParameterName(string message)
    {
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        if (end < 0)
        {
            return null;
        }

        var declaration = message[(start + 1)..end];
        return declaration[(declaration.LastIndexOf(' ') + 1)..];
    }

    private HttpValidationProblemDetails Stale(string detail) => new()
    {
        Status = StatusCodes.Status412PreconditionFailed,
        Title = text["The record has changed."],
        Detail = detail,
    };

    private static bool IsUniqueViolation(DbException db) =>
        db.SqlState == "23505" // PostgreSQL unique_violation
        || (db is Microsoft.Data.Sqlite.SqliteException sqlite && sqlite.SqliteExtendedErrorCode == 2067); // SQLITE_CONSTRAINT_UNIQUE
}
