using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Chronicle;

/// <summary>The chronicle's filters as query parameters.</summary>
internal sealed record ChronicleQuery(
    [FromQuery] ChronicleCategory[]? Category, int? FromYear, int? ToYear, int? UnitId, bool? Published, string? Q)
{
    public ChronicleFilter ToFilter() => new()
    {
        Categories = Category ?? [],
        FromYear = FromYear,
        ToYear = ToYear,
        UnitId = UnitId,
        Published = Published,
        Text = Q,
    };
}

internal static class ChronicleEndpoints
{
    public static void MapChronicleEndpoints(this IEndpointRouteBuilder api)
    {
        var chronicle = api.MapGroup("/chronicle").WithTags("Chronicle").RequireAuthorization(Policies.Read);
        chronicle.MapGet("/", ListAsync).WithName("ListChronicle")
            .WithSummary("Chronicle events in scope, newest first, by category, year range, unit subtree, published and text; paged.");
        chronicle.MapGet("/{id:int}", GetAsync).WithName("GetChronicleEvent")
            .WithSummary("One chronicle event with its links.");
        chronicle.MapPost("/", CreateAsync).WithName("CreateChronicleEvent").RequireAuthorization(Policies.ManageChronicle)
            .WithSummary("Records an event by hand.");
        chronicle.MapPut("/{id:int}", UpdateAsync).WithName("UpdateChronicleEvent").RequireAuthorization(Policies.ManageChronicle)
            .WithSummary("Changes an event, derived ones too: deriving again never overwrites the change. Needs If-Match.");
        chronicle.MapDelete("/{id:int}", DeleteAsync).WithName("DeleteChronicleEvent").RequireAuthorization(Policies.ManageChronicle)
            .WithSummary("Deletes an event; a derived one stays suppressed, so deriving again does not bring it back.");
        chronicle.MapPost("/derive", DeriveAsync).WithName("DeriveChronicle").RequireAuthorization(Policies.ManageChronicle)
            .WithSummary("Adds the events every module's records support and the chronicle does not hold yet.");
        chronicle.MapGet("/export.docx", ExportDocxAsync).WithName("ExportChronicleDocx")
            .WithSummary("The chronicle of a year range (fromYear, toYear) with the list's filters, as .docx, a heading per year.");
        chronicle.MapGet("/export.md", ExportMarkdownAsync).WithName("ExportChronicleMarkdown")
            .WithSummary("The chronicle of a year range (fromYear, toYear) with the list's filters, as Markdown, a heading per year.");
    }

    private static async Task<Ok<Page<ChronicleView>>> ListAsync([AsParameters] ChronicleQuery query, int? page, int? pageSize,
        ListChronicle list, CancellationToken cancellationToken) =>
        TypedResults.Ok(await list.RunAsync(query.ToFilter(), PageRequest.From(page, pageSize), cancellationToken));

    private static async Task<Ok<ChronicleView>> GetAsync(int id, EditChronicle edit, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var view = await edit.GetAsync(id, cancellationToken);
        ETags.Set(response, view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<Created<ChronicleView>> CreateAsync(ChronicleEventInput input, EditChronicle edit,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var view = await edit.CreateAsync(input, cancellationToken);
        ETags.Set(response, view.Version);
        return TypedResults.Created($"/api/v1/chronicle/{view.Id}", view);
    }

    private static async Task<Ok<ChronicleView>> UpdateAsync(int id, ChronicleEventInput input, EditChronicle edit,
        HttpRequest request, HttpResponse response, CancellationToken cancellationToken)
    {
        var view = await edit.UpdateAsync(id, ETags.RequiredIfMatch(request), input, cancellationToken);
        ETags.Set(response, view.Version);
        return TypedResults.Ok(view);
    }

    private static async Task<NoContent> DeleteAsync(int id, EditChronicle edit, CancellationToken cancellationToken)
    {
        await edit.DeleteAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<DerivationResult>> DeriveAsync(DeriveChronicle derive, CancellationToken cancellationToken) =>
        TypedResults.Ok(await derive.RunAsync(cancellationToken));

    private static async Task<FileContentHttpResult> ExportDocxAsync([AsParameters] ChronicleQuery query, ExportChronicle export,
        CancellationToken cancellationToken)
    {
        var filter = query.ToFilter();
        using var buffer = new MemoryStream();
        await export.WriteDocxAsync(filter, buffer, cancellationToken);
        return TypedResults.File(buffer.ToArray(), ExportChronicle.DocxContentType, ExportChronicle.FileName(filter, "docx"));
    }

    private static async Task<FileContentHttpResult> ExportMarkdownAsync([AsParameters] ChronicleQuery query, ExportChronicle export,
        CancellationToken cancellationToken)
    {
        var filter = query.ToFilter();
        var markdown = await export.MarkdownAsync(filter, cancellationToken);
        return TypedResults.File(System.Text.Encoding.UTF8.GetBytes(markdown), ExportChronicle.MarkdownContentType,
            ExportChronicle.FileName(filter, "md"));
    }
}
