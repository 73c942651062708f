using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using ReformTrack.Modules.Chiefs;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Parks;

/// <summary>Park standards (/standards) and standardisation assessment rounds (/parks/assessments).</summary>
internal static class StandardsEndpoints
{
    public static void MapStandardsEndpoints(this IEndpointRouteBuilder api)
    {
        var standards = api.MapGroup("/standards").WithTags("Park standards").RequireAuthorization(Policies.Read);
        standards.MapGet("/", ListStandardsAsync).WithName("ListStandards")
            .WithSummary("Park standards, every revision, newest revision first within a code.");
        standards.MapGet("/{id:int}", GetStandardAsync).WithName("GetStandard").WithSummary("A standard revision with its criteria.");
        standards.MapPost("/", CreateStandardAsync).WithName("CreateStandard").RequireAuthorization(Policies.ManageParks)
            .WithSummary("Adds a standard as a draft revision 1.");
        standards.MapPut("/{id:int}", EditStandardAsync).WithName("EditStandard").RequireAuthorization(Policies.ManageParks)
            .WithSummary("Edits a draft; for a published revision, edits (or makes) the next draft revision. Needs If-Match.");
        standards.MapPost("/{id:int}/publish", PublishStandardAsync).WithName("PublishStandard").RequireAuthorization(Policies.ManageParks)
            .WithSummary("Publishes a draft revision; it never changes again. Needs If-Match.");

        var rounds = api.MapGroup("/parks/assessments").WithTags("Park standards").RequireAuthorization(Policies.Read);
        rounds.MapGet("/", ListRoundsAsync).WithName("ListAssessmentRounds").WithSummary("Standardisation assessment rounds, newest first.");
        rounds.MapGet("/{id:int}", GetRoundAsync).WithName("GetAssessmentRound")
            .WithSummary("A round: ranking, each park's criteria breakdown (parks in scope) and rectification items.");
        rounds.MapPost("/", CreateRoundAsync).WithName("CreateAssessmentRound").RequireAuthorization(Policies.ManageParks)
            .WithSummary("Opens a round: a published standard revision applied to parks on a date.");
        rounds.MapPut("/{id:int}/parks/{parkId:int}/scores/{key}", EnterScoreAsync).WithName("EnterAssessorScore")
            .RequireAuthorization(Policies.ManageParks)
            .WithSummary("Enters an assessor's points (0 to the criterion's weight) with a note for a park of an open round.");
        rounds.MapPost("/{id:int}/finalise", FinaliseAsync).WithName("FinaliseAssessmentRound").RequireAuthorization(Policies.ManageParks)
            .WithSummary("Scores, ranks and locks the round; raises rectification items for low criteria. Needs If-Match.");
        rounds.MapPost("/scores/{scoreId:int}/evidence", AddEvidenceAsync).WithName("AddAssessmentEvidence")
            .RequireAuthorization(Policies.ManageParks).DisableAntiforgery()
            .WithSummary($"Attaches a photo (JPEG, PNG, WebP) or PDF as form field 'file' to an assessor's score, at most {EvidenceFile.MaxBytes / (1024 * 1024)} MB.");
        rounds.MapGet("/evidence/{evidenceId:int}", GetEvidenceAsync).WithName("GetAssessmentEvidence")
            .WithSummary("An assessment evidence file's content, to users who may see its park.");
        api.MapGet("/parks/{id:int}/assessments", ForParkAsync).WithName("GetParkAssessments").WithTags("Park standards")
            .RequireAuthorization(Policies.Read)
            .WithSummary("A park's latest assessment (criteria, score, grade, rank) and its score across rounds.");
    }

    private static async Task<Ok<IReadOnlyList<StandardRow>>> ListStandardsAsync(ManageStandards standards, CancellationToken ct) =>
        TypedResults.Ok(await standards.ListAsync(ct));

    private static async Task<Ok<StandardDetail>> GetStandardAsync(ManageStandards standards, int id, HttpResponse response,
        CancellationToken ct)
    {
        var standard = await standards.GetAsync(id, ct);
        ETags.Set(response, standard.Version);
        return TypedResults.Ok(standard);
    }

    private static async Task<Created<StandardDetail>> CreateStandardAsync(ManageStandards standards, StandardInput input,
        HttpResponse response, CancellationToken ct)
    {
        var standard = await standards.CreateAsync(input, ct);
        ETags.Set(response, standard.Version);
        return TypedResults.Created($"/api/v1/standards/{standard.Id}", standard);
    }

    private static async Task<Ok<StandardDetail>> EditStandardAsync(ManageStandards standards, int id, StandardInput input,
        HttpRequest request, HttpResponse response, CancellationToken ct)
    {
        var standard = await standards.EditAsync(id, ETags.RequiredIfMatch(request), input, ct);
        ETags.Set(response, standard.Version);
        return TypedResults.Ok(standard);
    }

    private static async Task<Ok<StandardDetail>> PublishStandardAsync(ManageStandards standards, int id, HttpRequest request,
        HttpResponse response, ClaimsPrincipal user, CancellationToken ct)
    {
        var standard = await standards.PublishAsync(id, ETags.RequiredIfMatch(request), user.ActorName(), ct);
        ETags.Set(response, standard.Version);
        return TypedResults.Ok(standard);
    }

    private static async Task<Ok<IReadOnlyList<RoundRow>>> ListRoundsAsync(ReadAssessments read, CancellationToken ct) =>
        TypedResults.Ok(await read.ListAsync(ct));

    private static async Task<Ok<RoundDetail>> GetRoundAsync(ReadAssessments read, int id, HttpResponse response, CancellationToken ct)
    {
        var round = await read.GetAsync(id, ct);
        ETags.Set(response, round.Version);
        return TypedResults.Ok(round);
    }

    private static async Task<Created<RoundDetail>> CreateRoundAsync(AssessParks assess, ReadAssessments read, RoundInput input,
        HttpResponse response, CancellationToken ct)
    {
        var round = await read.GetAsync(await assess.CreateAsync(input, ct), ct);
        ETags.Set(response, round.Version);
        return TypedResults.Created($"/api/v1/parks/assessments/{round.Id}", round);
    }

    private static async Task<Ok<RoundDetail>> EnterScoreAsync(AssessParks assess, ReadAssessments read, int id, int parkId,
        string key, AssessorScoreInput input, HttpResponse response, ClaimsPrincipal user, CancellationToken ct)
    {
        await assess.EnterAsync(id, parkId, key, input, user.ActorName(), ct);
        var round = await read.GetAsync(id, ct);
        ETags.Set(response, round.Version);
        return TypedResults.Ok(round);
    }

    private static async Task<Ok<RoundDetail>> FinaliseAsync(AssessParks assess, ReadAssessments read, int id, HttpRequest request,
        HttpResponse response, ClaimsPrincipal user, CancellationToken ct)
    {
        await assess.FinaliseAsync(id, ETags.RequiredIfMatch(request), user.ActorName(), ct);
        var round = await read.GetAsync(id, ct);
        ETags.Set(response, round.Version);
        return TypedResults.Ok(round);
    }

    private static async Task<Created<AssessmentEvidenceView>> AddEvidenceAsync(AssessParks assess, int scoreId, HttpRequest request,
        CancellationToken ct)
    {
        const string field = "file";
        if (!request.HasFormContentType)
        {
            throw new RuleViolation("FieldIsRequired", $"{field} is required.", field, field);
        }

        var form = await request.ReadFormAsync(ct);
        var file = form.Files.GetFile(field) ?? throw new RuleViolation("FieldIsRequired", $"{field} is required.", field, field);
        EvidenceFile.CheckLength(file.Length, field);
        using var buffer = new MemoryStream((int)file.Length);
        await file.CopyToAsync(buffer, ct);
        var evidence = await assess.AddEvidenceAsync(scoreId, file.FileName, file.ContentType, buffer.ToArray(),
            request.HttpContext.User.ActorName(), field, ct);
        return TypedResults.Created($"/api/v1/parks/assessments/evidence/{evidence.Id}", evidence);
    }

    private static async Task<FileContentHttpResult> GetEvidenceAsync(AssessParks assess, int evidenceId, CancellationToken ct)
    {
        var file = await assess.GetEvidenceAsync(evidenceId, ct);
        return TypedResults.File(file.Content, file.ContentType, file.FileName);
    }

    private static async Task<Ok<ParkAssessmentHistory>> ForParkAsync(ReadAssessments read, int id, CancellationToken ct) =>
        TypedResults.Ok(await read.ForParkAsync(id, ct));
}
