using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

internal sealed record ClauseInput(string? Text);

/// <summary>A clause with its document's new version (the ETag of the document).</summary>
internal sealed record ClauseChange(ClauseView Clause, int DocumentVersion);

/// <summary>Appends a clause to a document, numbered after the last one.</summary>
internal sealed class AddClause(IDbContextFactory<ReformDbContext> dbFactory)
{
    public async Task<ClauseChange> RunAsync(int documentId, ClauseInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.Include(d => d.Clauses).FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken)
                       ?? throw new NotFound("Document", documentId);
        var clause = document.AddClause(input.Text);
        db.MarkChanged(document);
        await db.SaveChangesAsync(cancellationToken);
        return new ClauseChange(new ClauseView(clause.Id, clause.Number, clause.Text, 0), document.Version);
    }
}
