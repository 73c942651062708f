using ReformTrack.Shared;

namespace ReformTrack.Modules.Governance;

internal enum DocumentKind
{
    Decision,
    Plan,
    SupportingDocument,
    Notice,
}

/// <summary>
/// A policy document. Measures cite one of its numbered clauses, so a clause with no
/// measure behind it shows up as work not yet broken down.
/// </summary>
internal sealed class Document : IVersioned
{
    public int Id { get; set; }
    public required string Number { get; set; }
    public required string Title { get; set; }
    public DocumentKind Kind { get; set; }
    public int? ParentId { get; set; }
    public DateOnly? IssuedOn { get; set; }
    public int Version { get; set; }
    public List<DocumentClause> Clauses { get; set; } = [];

    public DocumentClause AddClause(string text)
    {
        var clause = new DocumentClause
        {
            Number = Clauses.Count == 0 ? 1 : Clauses.Max(c => c.Number) + 1,
            Text = text,
        };
        Clauses.Add(clause);
        return clause;
    }
}

internal sealed class DocumentClause
{
    public int Id { get; set; }
    public int DocumentId { get; set; }
    public int Number { get; set; }
    public required string Text { get; set; }
}
