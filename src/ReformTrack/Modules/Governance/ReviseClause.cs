using Microsoft.EntityFrameworkCore;
using ReformTrack.Data;
using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

/// <summary>Changes a clause's text; the document's If-Match guards it, as the clause is part of the document.</summary>
internal sealed class ReviseClause(IDbContextFactory<ReformDbContext> dbFactory)
{
    public async Task<ClauseChange> RunAsync(int documentId, int number, int ifMatch, ClauseInput input,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var document = await db.Documents.Include(d => d.Clauses).FirstOrDefaultAsync(d => d.Id == documentId, cancellationToken)
                       ?? throw new NotFound("Document", documentId);
        StaleVersion.Check("Document", documentId, ifMatch, document.Version);
        var clause = document.ReviseClause(number, input.Text);
        db.MarkChanged(document);
        await db.SaveChangesAsync(cancellationToken);
        var measures = await db.Measures.CountAsync(m => m.ClauseId == clause.Id, cancellationToken);
        return new ClauseChange(new ClauseView(clause.Id, clause.Number, clause.Text, measures), document.Version);
    }
}
