using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

/// <summary>A new document with its clauses, numbered 1, 2, 3 … in the order given.</summary>
internal sealed record NewDocumentInput(string? Number, string? Title, DocumentKind? Kind, int? ParentId, DateOnly? IssuedOn,
    IReadOnlyList<string?>? Clauses);

/// <summary>A change to a document's own fields; clauses change through their own requests.</summary>
internal sealed record DocumentInput(string? Number, string? Title, DocumentKind? Kind, int? ParentId, DateOnly? IssuedOn);

internal sealed class CreateDocument(IDbContextFactory<ReformDbContext> dbFactory, GetDocument getDocument)
{
    public async Task<DocumentDetail> RunAsync(NewDocumentInput input, CancellationToken cancellationToken = default)
    {
        var document = Document.New(input.Number, input.Title, input.Kind, input.IssuedOn);
        var clauses = input.Clauses ?? [];
        for (var i = 0; i < clauses.Count; i++)
        {
            document.AddClause(clauses[i], $"clauses[{i}]");
        }

        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            var (parent, ancestors) = await ParentAsync(db, input.ParentId, cancellationToken);
            document.AttachTo(parent, ancestors);
            db.Documents.Add(document);
            await db.SaveChangesAsync(cancellationToken);
        }

        return await getDocument.RunAsync(document.Id, cancellationToken);
    }

    /// <summary>The parent document named by a request, and the ids above it.</summary>
    public static async Task<(Document? Parent, IReadOnlyCollection<int> Ancestors)> ParentAsync(ReformDbContext db,
        int? parentId, CancellationToken cancellationToken)
    {
        if (parentId is not { } id)
        {
            return (null, []);
        }

        var parent = await db.Documents.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken)
                     ?? throw References.Missing("document", id, "parentId");
        var ancestors = new List<int>();
        var next = parent.ParentId;
        while (next is { } above && !ancestors.Contains(above))
        {
            ancestors.Add(above);
            next = await db.Documents.Where(d => d.Id == above).Select(d => d.ParentId).FirstOrDefaultAsync(cancellationToken);
        }

        return (parent, ancestors);
    }
}
