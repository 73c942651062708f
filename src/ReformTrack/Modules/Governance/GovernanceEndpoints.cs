using Microsoft.AspNetCore.Http.HttpResults;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

internal static class GovernanceEndpoints
{
    public static void MapGovernanceEndpoints(this IEndpointRouteBuilder api)
    {
        var objectives = api.MapGroup("/objectives").WithTags("Objectives").RequireAuthorization(Policies.Read);
        objectives.MapGet("/", ListObjectivesAsync).WithName("ListObjectives")
            .WithSummary("The objective tree in tree order, with the measures under each objective (subtree).");
        objectives.MapGet("/{id:int}", GetObjectiveAsync).WithName("GetObjective")
            .WithSummary("One objective with its sub-objectives and measure counts.");
        objectives.MapPost("/", CreateObjectiveAsync).WithName("CreateObjective").RequireAuthorization(Policies.ManageGovernance)
            .WithSummary("Creates an aspect, key task or sub-task: the level follows from the parent.");
        objectives.MapPut("/{id:int}", UpdateObjectiveAsync).WithName("UpdateObjective").RequireAuthorization(Policies.ManageGovernance)
            .WithSummary("Changes an objective; a new parent moves its subtree. Needs If-Match.");

        var meetings = api.MapGroup("/meetings").WithTags("Meetings").RequireAuthorization(Policies.Read);
        meetings.MapGet("/", ListMeetingsAsync).WithName("ListMeetings")
            .WithSummary("Meetings, newest first, by body and year, paged.");
        meetings.MapGet("/{id:int}", GetMeetingAsync).WithName("GetMeeting")
            .WithSummary("One meeting with its agenda and the documents it reviewed.");
        meetings.MapPost("/", CreateMeetingAsync).WithName("CreateMeeting").RequireAuthorization(Policies.ManageGovernance).WithSummary("Records a meeting.");
        meetings.MapPut("/{id:int}", UpdateMeetingAsync).WithName("UpdateMeeting").RequireAuthorization(Policies.ManageGovernance)
            .WithSummary("Changes a meeting. Needs If-Match.");
        meetings.MapPost("/{id:int}/reviews", ReviewDocumentAsync).WithName("ReviewDocument").RequireAuthorization(Policies.ManageGovernance)
            .WithSummary("Records that the meeting passed or deferred a document; a document is passed once.");
        meetings.MapDelete("/{id:int}/reviews/{documentId:int}", WithdrawReviewAsync).WithName("WithdrawReview").RequireAuthorization(Policies.ManageGovernance)
            .WithSummary("Takes a deferred document off the meeting's record; a passing decision stays.");

        var documents = api.MapGroup("/documents").WithTags("Documents").RequireAuthorization(Policies.Read);
        documents.MapGet("/", ListDocumentsAsync).WithName("ListDocuments")
            .WithSummary("Documents by kind, text (number or title), parent and whether passed, paged.");
        documents.MapGet("/{id:int}", GetDocumentAsync).WithName("GetDocument")
            .WithSummary("One document: clauses, supporting documents, meetings, measures and clauses without measures.");
        documents.MapPost("/", CreateDocumentAsync).WithName("CreateDocument").RequireAuthorization(Policies.ManageGovernance)
            .WithSummary("Creates a document with its numbered clauses.");
        documents.MapPut("/{id:int}", UpdateDocumentAsync).WithName("UpdateDocument").RequireAuthorization(Policies.ManageGovernance)
            .WithSummary("Changes a document's number, title, kind, parent or date. Needs If-Match.");
        documents.MapPost("/{id:int}/clauses", AddClauseAsync).WithName("AddClause").RequireAuthorization(Policies.ManageGovernance)
            .WithSummary("Appends a clause to a document.");
        documents.MapPut("/{id:int}/clauses/{number:int}", ReviseClauseAsync).WithName("ReviseClause").RequireAuthorization(Policies.ManageGovernance)
            .WithSummary("Changes a clause's text. Needs If-Match with the document's ETag.");
    }

    private static async Task<Ok<IReadOnlyList<ObjectiveRow>>> ListObjectivesAsync(ListObjectives list,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(cancellationToken));

    private static async Task<Ok<ObjectiveDetail>> GetObjectiveAsync(GetObjective get, int id, HttpResponse response,
        CancellationToken cancellationToken) =>
        Tagged(response, await get.RunAsync(id, cancellationToken), o => o.Version);

    private static async Task<Created<ObjectiveDetail>> CreateObjectiveAsync(CreateObjective create, ObjectiveInput input,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var objective = await create.RunAsync(input, cancellationToken);
        ETags.Set(response, objective.Version);
        return TypedResults.Created($"/api/v1/objectives/{objective.Id}", objective);
    }

    private static async Task<Ok<ObjectiveDetail>> UpdateObjectiveAsync(UpdateObjective update, int id, ObjectiveInput input,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        Tagged(response, await update.RunAsync(id, ETags.RequiredIfMatch(request), input, cancellationToken), o => o.Version);

    private static async Task<Ok<Page<MeetingRow>>> ListMeetingsAsync(ListMeetings list, int? bodyUnitId, int? year,
        int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(bodyUnitId, year, PageRequest.From(page, pageSize), cancellationToken));

    private static async Task<Ok<MeetingDetail>> GetMeetingAsync(GetMeeting get, int id, HttpResponse response,
        CancellationToken cancellationToken) =>
        Tagged(response, await get.RunAsync(id, cancellationToken), m => m.Version);

    private static async Task<Created<MeetingDetail>> CreateMeetingAsync(CreateMeeting create, MeetingInput input,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var meeting = await create.RunAsync(input, cancellationToken);
        ETags.Set(response, meeting.Version);
        return TypedResults.Created($"/api/v1/meetings/{meeting.Id}", meeting);
    }

    private static async Task<Ok<MeetingDetail>> UpdateMeetingAsync(UpdateMeeting update, int id, MeetingInput input,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        Tagged(response, await update.RunAsync(id, ETags.RequiredIfMatch(request), input, cancellationToken), m => m.Version);

    private static async Task<Ok<MeetingDetail>> ReviewDocumentAsync(ReviewDocument review, int id, ReviewInput input,
        HttpResponse response, CancellationToken cancellationToken) =>
        Tagged(response, await review.RunAsync(id, input, cancellationToken), m => m.Version);

    private static async Task<NoContent> WithdrawReviewAsync(WithdrawReview withdraw, int id, int documentId,
        CancellationToken cancellationToken)
    {
        await withdraw.RunAsync(id, documentId, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Page<DocumentRow>>> ListDocumentsAsync(ListDocuments list, DocumentKind? kind, string? q,
        int? parentId, bool? passed, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(new DocumentFilter(kind, q, parentId, passed), PageRequest.From(page, pageSize),
            cancellationToken));

    private static async Task<Ok<DocumentDetail>> GetDocumentAsync(GetDocument get, int id, HttpResponse response,
        CancellationToken cancellationToken) =>
        Tagged(response, await get.RunAsync(id, cancellationToken), d => d.Version);

    private static async Task<Created<DocumentDetail>> CreateDocumentAsync(CreateDocument create, NewDocumentInput input,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var document = await create.RunAsync(input, cancellationToken);
        ETags.Set(response, document.Version);
        return TypedResults.Created($"/api/v1/documents/{document.Id}", document);
    }

    private static async Task<Ok<DocumentDetail>> UpdateDocumentAsync(UpdateDocument update, int id, DocumentInput input,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken) =>
        Tagged(response, await update.RunAsync(id, ETags.RequiredIfMatch(request), input, cancellationToken), d => d.Version);

    private static async Task<Created<ClauseView>> AddClauseAsync(AddClause add, int id, ClauseInput input,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var change = await add.RunAsync(id, input, cancellationToken);
        ETags.Set(response, change.DocumentVersion);
        return TypedResults.Created($"/api/v1/documents/{id}", change.Clause);
    }

    private static async Task<Ok<ClauseView>> ReviseClauseAsync(ReviseClause revise, int id, int number, ClauseInput input,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var change = await revise.RunAsync(id, number, ETags.RequiredIfMatch(request), input, cancellationToken);
        ETags.Set(response, change.DocumentVersion);
        return TypedResults.Ok(change.Clause);
    }

    private static Ok<T> Tagged<T>(HttpResponse response, T value, Func<T, int> version)
    {
        ETags.Set(response, version(value));
        return TypedResults.Ok(value);
    }
}
