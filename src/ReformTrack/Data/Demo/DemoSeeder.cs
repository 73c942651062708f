using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ReformTrack.Modules.Governance;
using ReformTrack.Modules.Ledger;
using ReformTrack.Modules.Organisation;

namespace ReformTrack.Data;

/// <summary>
/// Loads the "Fuzhou 2014–2022" demonstration programme into an empty database: the reform
/// structure, the four aspects and ten key tasks, 62 commission meetings, the documents they
/// passed and the measures those documents introduced, with their milestones and reports.
/// The data is the same on every run: a fixed random seed, fixed dates, and every state judged
/// at <see cref="AsOf"/>, never at the current time.
/// </summary>
internal sealed class DemoSeeder(ReformDbContext db, IEnumerable<IDemoPart> parts)
{
    /// <summary>The day the demo's lights are designed for (and the day the test hosts start at).</summary>
    public static readonly DateOnly AsOf = new(2026, 11, 28);

    public const int MeetingCount = 62;
    public const int MeasureCount = 2134;
    public const string DecisionNumber = "榕委发〔2014〕12号";

    private const int RandomSeed = 20140415;
    private const int BatchSize = 2000;

    public async Task<string> SeedAsync(CancellationToken cancellationToken = default)
    {
        var tracker = db.ChangeTracker;
        var autoDetect = tracker.AutoDetectChangesEnabled;
        tracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            // Default thresholds, not configured ones, so the data is the same wherever it is loaded.
            var run = new DemoRun(db, new Random(RandomSeed), LightThresholds.Default);
            var summary = await run.SeedAsync(cancellationToken);
            tracker.Clear();
            tracker.AutoDetectChangesEnabled = true;
            foreach (var part in parts.OrderBy(p => p.Order))
            {
                summary += ", " + await part.SeedAsync(db, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                tracker.Clear();
            }

            await transaction.CommitAsync(cancellationToken);
            return summary;
        }
        finally
        {
            tracker.Clear();
            tracker.AutoDetectChangesEnabled = autoDetect;
        }
    }

    private enum Fate
    {
        Draft,
        CancelledAsDraft,
        CancelledUnderway,
        Suspended,
        Completed,
        Overdue,
        Green,
        Yellow,
        Red,
    }

    private sealed record PlannedClause(DocumentClause Clause, Document Document, int KeyTask, bool Current);

    private sealed record PlannedDocument(Document Document, int[] ClauseKeyTasks, int? NoMeasureClause);

    /// <summary>One seeding: the random sequence and what has been saved so far.</summary>
    private sealed class DemoRun(ReformDbContext db, Random random, LightThresholds thresholds)
    {
        private static readonly DateOnly CurrentTrancheFrom = new(2021, 7, 1);
        private static readonly DateOnly CurrentReportingFrom = new(2025, 4, 1);
        private static readonly DateOnly LastReportedMonth = new(2026, 10, 1);

        private readonly Dictionary<string, Unit> _units = new(StringComparer.Ordinal);
        private readonly Dictionary<int, (Person Leader, Person Liaison)> _people = [];
        private readonly List<Objective> _keyTasks = [];
        private readonly Dictionary<int, List<Objective>> _subTasks = [];
        private readonly List<Meeting> _meetings = [];
        private readonly List<PlannedClause> _clauses = [];
        private int _documentCount;
        private Person _reviewer = null!;

        public async Task<string> SeedAsync(CancellationToken cancellationToken)
        {
            await SeedUnitsAsync(cancellationToken);
            await SeedPeopleAsync(cancellationToken);
            await SeedObjectivesAsync(cancellationToken);
            await SeedMeetingsAndDocumentsAsync(cancellationToken);
            var (measures, reports) = await SeedMeasuresAsync(cancellationToken);
            return string.Create(CultureInfo.InvariantCulture,
                $"{_units.Count:N0} units, {_meetings.Count:N0} meetings, {_documentCount:N0} documents, {measures:N0} measures, {reports:N0} reports");
        }

        private async Task SaveAsync(CancellationToken cancellationToken)
        {
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

        private bool Chance(double probability) => random.NextDouble() < probability;

        private async Task SeedUnitsAsync(CancellationToken cancellationToken)
        {
            foreach (var spec in DemoCatalog.Units)
            {
                _units[spec.Code] = new Unit { Code = spec.Code, Name = spec.Name, Kind = spec.Kind };
            }

            db.Units.AddRange(DemoCatalog.Units.Select(u => _units[u.Code]));
            await db.SaveChangesAsync(cancellationToken);
            // Parents come before their children in the catalogue, so each parent's path is known.
            foreach (var spec in DemoCatalog.Units)
            {
                _units[spec.Code].PlaceUnder(spec.Parent is null ? null : _units[spec.Parent]);
            }

            db.ChangeTracker.DetectChanges();
            await SaveAsync(cancellationToken);
        }

        private async Task SeedPeopleAsync(CancellationToken cancellationToken)
        {
            var people = new List<(int UnitId, Person Leader, Person Liaison)>();
            var phone = 87_100_000;
            foreach (var spec in DemoCatalog.Units)
            {
                var unit = _units[spec.Code];
                var leader = new Person
                {
                    Name = PersonName(),
                    UnitId = unit.Id,
                    Title = LeaderTitle(spec.Kind),
                    Phone = $"0591-{phone += 137}",
                };
                var liaison = new Person
                {
                    Name = PersonName(),
                    UnitId = unit.Id,
                    Title = "改革联络员",
                    Phone = $"0591-{phone += 137}",
                    IsLiaison = true,
                };
                people.Add((unit.Id, leader, liaison));
            }

            _reviewer = new Person
            {
                Name = PersonName(),
                UnitId = _units[DemoCatalog.Office].Id,
                Title = "督查科科长",
                Phone = $"0591-{phone + 137}",
            };
            db.People.AddRange(people.SelectMany(p => new[] { p.Leader, p.Liaison }));
            db.People.Add(_reviewer);
            await SaveAsync(cancellationToken);
            foreach (var (unitId, leader, liaison) in people)
            {
                _people[unitId] = (leader, liaison);
            }
        }

        private string PersonName() => Pick(DemoCatalog.Surnames) + Pick(DemoCatalog.GivenNames);

        private static string LeaderTitle(UnitKind kind) => kind switch
        {
            UnitKind.Commission => "主任",
            UnitKind.WorkingGroup => "组长",
            UnitKind.Office => "常务副主任",
            UnitKind.DistrictOffice => "主任",
            UnitKind.Park => "管委会主任",
            UnitKind.Enterprise => "董事长",
            _ => "分管领导",
        };

        private async Task SeedObjectivesAsync(CancellationToken cancellationToken)
        {
            var aspects = DemoCatalog.Aspects
                .Select((a, i) => new Objective { Code = a.Code, Title = a.Title, SortOrder = i + 1 })
                .ToList();
            var keyTasks = DemoCatalog.KeyTasks
                .Select((k, i) => new Objective { Code = k.Code, Title = k.Title, SortOrder = i + 1 })
                .ToList();
            var subTasks = DemoCatalog.KeyTasks
                .Select(k => k.SubTasks
                    .Select((s, j) => new Objective { Code = $"{k.Code}-{j + 1}", Title = s, SortOrder = j + 1 })
                    .ToList())
                .ToList();
            db.Objectives.AddRange(aspects);
            db.Objectives.AddRange(keyTasks);
            db.Objectives.AddRange(subTasks.SelectMany(s => s));
            await db.SaveChangesAsync(cancellationToken);

            foreach (var aspect in aspects)
            {
                aspect.PlaceUnder(null);
            }

            for (var i = 0; i < keyTasks.Count; i++)
            {
                keyTasks[i].PlaceUnder(aspects[DemoCatalog.AspectOfKeyTask[i]]);
                foreach (var subTask in subTasks[i])
                {
                    subTask.PlaceUnder(keyTasks[i]);
                }

                _keyTasks.Add(keyTasks[i]);
                _subTasks[i] = subTasks[i];
            }

            db.ChangeTracker.DetectChanges();
            await SaveAsync(cancellationToken);
        }

        /// <summary>
        /// 62 meetings from May 2014 to December 2022. Each passes the year's work points at its
        /// first meeting of the year, the Decision and its five supporting documents early on, and
        /// one or two plans or notices; a few documents are deferred once and passed at the next meeting.
        /// </summary>
        private async Task SeedMeetingsAndDocumentsAsync(CancellationToken cancellationToken)
        {
            var first = new DateOnly(2014, 5, 16);
            var last = new DateOnly(2022, 12, 20);
            var step = (last.DayNumber - first.DayNumber) / (double)(MeetingCount - 1);
            for (var i = 0; i < MeetingCount; i++)
            {
                var day = i is 0 or MeetingCount - 1 ? 0 : random.Next(-6, 7);
                var heldOn = Weekday(first.AddDays((int)Math.Round(i * step) + day));
                _meetings.Add(new Meeting
                {
                    Number = i + 1,
                    HeldOn = heldOn,
                    BodyUnitId = _units[DemoCatalog.Commission].Id,
                    Title = heldOn.Year < 2019
                        ? $"市委全面深化改革领导小组第{i + 1}次会议"
                        : $"市委全面深化改革委员会第{i + 1}次会议",
                });
            }

            // 9 work points + the Decision and 5 supporting documents + 111 plans and notices = 126.
            var twoGeneric = Enumerable.Range(0, MeetingCount).OrderBy(_ => random.Next()).Take(49).ToHashSet();
            var deferred = Enumerable.Range(5, MeetingCount - 6).OrderBy(_ => random.Next()).Take(5).ToHashSet();
            var numbers = new Dictionary<int, int>();
            var agenda = _meetings.ToDictionary(m => m, _ => new List<(Document Document, ReviewOutcome Outcome)>());
            var planned = new List<PlannedDocument>();
            PlannedDocument? decision = null;
            var supporting = new List<PlannedDocument>();

            for (var i = 0; i < MeetingCount; i++)
            {
                var meeting = _meetings[i];
                var items = new List<PlannedDocument>();
                if (i == 0 || _meetings[i - 1].HeldOn.Year != meeting.HeldOn.Year)
                {
                    items.Add(WorkPoints(meeting.HeldOn.Year));
                }

                if (meeting.Number == 3)
                {
                    decision = Decision();
                    items.Add(decision);
                    supporting.Add(Supporting(0));
                    supporting.Add(Supporting(1));
                    items.AddRange(supporting);
                }
                else if (meeting.Number == 4)
                {
                    var more = new[] { Supporting(2), Supporting(3), Supporting(4) };
                    supporting.AddRange(more);
                    items.AddRange(more);
                }

                var generic = twoGeneric.Contains(i) ? 2 : 1;
                for (var g = 0; g < generic; g++)
                {
                    items.Add(Generic(meeting.HeldOn));
                }

                for (var k = 0; k < items.Count; k++)
                {
                    var item = items[k];
                    // A deferred document (the meeting's last plan or notice) is passed at the next meeting.
                    var passedAt = meeting;
                    if (k == items.Count - 1 && deferred.Contains(i))
                    {
                        agenda[meeting].Add((item.Document, ReviewOutcome.Deferred));
                        passedAt = _meetings[i + 1];
                    }

                    agenda[passedAt].Add((item.Document, ReviewOutcome.Passed));
                    if (item.Document.Kind != DocumentKind.Decision)
                    {
                        var year = passedAt.HeldOn.Year;
                        numbers[year] = numbers.GetValueOrDefault(year) + 1;
                        item.Document.Number = $"榕委改〔{year}〕{numbers[year]}号";
                    }

                    item.Document.IssuedOn = passedAt.HeldOn.AddDays(random.Next(3, 13));
                    planned.Add(item);
                }
            }

            db.Documents.Add(decision!.Document);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var child in supporting)
            {
                child.Document.ParentId = decision.Document.Id;
            }

            db.Documents.AddRange(planned.Where(p => p != decision).Select(p => p.Document));
            await db.SaveChangesAsync(cancellationToken);
            _documentCount = planned.Count;

            foreach (var meeting in _meetings)
            {
                var lines = agenda[meeting]
                    .Select((a, k) => $"{k + 1}. 审议《{a.Document.Title}》")
                    .Append($"{agenda[meeting].Count + 1}. {Pick(DemoCatalog.AgendaReports)}");
                meeting.Agenda = string.Join('\n', lines);
                meeting.Reviews = agenda[meeting]
                    .Select(a => new DocumentReview { DocumentId = a.Document.Id, Outcome = a.Outcome })
                    .ToList();
            }

            db.Meetings.AddRange(_meetings);
            await SaveAsync(cancellationToken);

            foreach (var p in planned.OrderBy(p => p.Document.Id))
            {
                var current = p.Document.IssuedOn >= CurrentTrancheFrom;
                foreach (var clause in p.Document.Clauses.OrderBy(c => c.Number))
                {
                    if (clause.Number != p.NoMeasureClause)
                    {
                        _clauses.Add(new PlannedClause(clause, p.Document, p.ClauseKeyTasks[clause.Number - 1], current));
                    }
                }
            }
        }

        private static DateOnly Weekday(DateOnly date) => date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.AddDays(-1),
            DayOfWeek.Sunday => date.AddDays(1),
            _ => date,
        };

        private PlannedDocument WorkPoints(int year)
        {
            var document = new Document
            {
                Number = "",
                Title = $"关于印发《福州市{year}年全面深化改革工作要点》的通知",
                Kind = DocumentKind.Notice,
            };
            var keyTasks = Enumerable.Range(0, 10).OrderBy(_ => random.Next()).Take(8).Order().ToArray();
            foreach (var k in keyTasks)
            {
                AddClause(document, k, $"{year}年重点推进：{Pick(DemoCatalog.KeyTasks[k].Actions)}");
            }

            return new PlannedDocument(document, keyTasks, null);
        }

        private PlannedDocument Decision()
        {
            var document = new Document { Number = DecisionNumber, Title = DemoCatalog.DecisionTitle, Kind = DocumentKind.Decision };
            var keyTasks = Enumerable.Range(0, 10).ToArray();
            foreach (var k in keyTasks)
            {
                AddClause(document, k, DemoCatalog.KeyTasks[k].Title);
            }

            var closing = document.AddClause($"{DemoCatalog.ChineseNumerals[10]}、各级党委（党组）要履行改革主体责任，主要负责同志亲自抓改革、抓落实。");
            return new PlannedDocument(document, [.. keyTasks, -1], closing.Number);
        }

        private PlannedDocument Supporting(int index)
        {
            var (title, keyTasks) = DemoCatalog.SupportingDocuments[index];
            var document = new Document { Number = "", Title = title, Kind = DocumentKind.SupportingDocument };
            var clauseKeyTasks = new List<int>();
            for (var c = 0; c < 6; c++)
            {
                var k = keyTasks[c % 2];
                clauseKeyTasks.Add(k);
                AddClause(document, k, Pick(DemoCatalog.KeyTasks[k].Actions));
            }

            return new PlannedDocument(document, [.. clauseKeyTasks], null);
        }

        private PlannedDocument Generic(DateOnly meetingDay)
        {
            var k = random.Next(10);
            var task = DemoCatalog.KeyTasks[k];
            var topic = Pick(task.Topics);
            var year = meetingDay.Year;
            var kind = Chance(0.75) ? DocumentKind.Plan : DocumentKind.Notice;
            var title = kind == DocumentKind.Notice
                ? $"关于进一步做好{topic}工作的通知"
                : meetingDay >= CurrentTrancheFrom
                    ? $"福州市{topic}行动方案（{year + 1}—{year + 5}年）"
                    : Chance(0.5)
                        ? $"关于{topic}的实施方案"
                        : $"福州市{topic}三年行动方案（{year}—{year + 2}年）";
            var document = new Document { Number = "", Title = title, Kind = kind };
            var clauses = random.Next(4, 9);
            var keyTasks = Enumerable.Repeat(k, clauses).ToList();
            foreach (var action in task.Actions.OrderBy(_ => random.Next()).Take(clauses))
            {
                AddClause(document, k, action);
            }

            for (var c = document.Clauses.Count; c < clauses; c++)
            {
                AddClause(document, k, $"{Pick(task.Actions)}，扩大覆盖范围");
            }

            int? noMeasure = null;
            if (Chance(0.08))
            {
                var closing = document.AddClause(
                    $"{DemoCatalog.ChineseNumerals[document.Clauses.Count]}、本{(kind == DocumentKind.Notice ? "通知" : "方案")}自印发之日起施行，由市委改革办负责解释。");
                keyTasks.Add(-1);
                noMeasure = closing.Number;
            }

            return new PlannedDocument(document, [.. keyTasks], noMeasure);
        }

        private void AddClause(Document document, int keyTask, string action)
        {
            var numeral = DemoCatalog.ChineseNumerals[document.Clauses.Count];
            var leadCode = Pick(DemoCatalog.KeyTasks[keyTask].LeadDepartments);
            var lead = DemoCatalog.Units.First(u => u.Code == leadCode);
            document.AddClause($"{numeral}、{action}。由{lead.ShortName}牵头，相关单位按职责分工配合落实。");
        }

        private async Task<(int Measures, int Reports)> SeedMeasuresAsync(CancellationToken cancellationToken)
        {
            var perClause = MeasureCount / _clauses.Count;
            var extra = Enumerable.Range(0, _clauses.Count).OrderBy(_ => random.Next())
                .Take(MeasureCount - (perClause * _clauses.Count)).ToHashSet();
            var districts = DemoCatalog.Units
                .Where(u => u.Kind is UnitKind.DistrictOffice or UnitKind.Park)
                .Select(u => u.Code)
                .ToArray();
            var shortNames = DemoCatalog.Units.ToDictionary(u => u.Code, u => u.ShortName, StringComparer.Ordinal);
            var sequence = new Dictionary<int, int>();
            var made = new List<(Measure Measure, List<ProgressReport> Reports)>();

            for (var c = 0; c < _clauses.Count; c++)
            {
                var planned = _clauses[c];
                var count = perClause + (extra.Contains(c) ? 1 : 0);
                for (var n = 0; n < count; n++)
                {
                    var task = DemoCatalog.KeyTasks[planned.KeyTask];
                    var leadCode = Chance(0.62) ? Pick(task.LeadDepartments) : Pick(districts);
                    var lead = _units[leadCode];
                    var year = planned.Document.IssuedOn!.Value.Year;
                    sequence[year] = sequence.GetValueOrDefault(year) + 1;
                    var objective = Chance(0.8) ? Pick(_subTasks[planned.KeyTask]) : _keyTasks[planned.KeyTask];
                    var action = Pick(task.Actions);
                    var measure = new Measure
                    {
                        Code = $"FZ-{year}-{sequence[year]:D4}",
                        Title = $"{action}（{shortNames[leadCode]}）",
                        Description = $"落实《{planned.Document.Title}》第{planned.Clause.Number}条，由{lead.Name}牵头推进。",
                        DocumentId = planned.Document.Id,
                        ClauseId = planned.Clause.Id,
                        ObjectiveId = objective.Id,
                        LeadUnitId = lead.Id,
                        ResponsiblePersonId = _people[lead.Id].Leader.Id,
                        Tags = [.. task.Tags.OrderBy(_ => random.Next()).Take(random.Next(1, task.Tags.Length + 1))],
                    };
                    if (Chance(0.08))
                    {
                        measure.Tags.Add("试点");
                    }

                    var coUnits = Enumerable.Range(0, random.Next(0, 3))
                        .Select(_ => _units[Chance(0.5) ? Pick(task.LeadDepartments) : Pick(districts)].Id)
                        .ToList();
                    measure.SetCoUnits(coUnits);
                    var reports = Live(measure, planned);
                    made.Add((measure, reports));
                }
            }

            foreach (var chunk in made.Chunk(500))
            {
                db.Measures.AddRange(chunk.Select(m => m.Measure));
                await SaveAsync(cancellationToken);
            }

            var allReports = new List<ProgressReport>();
            foreach (var (measure, reports) in made)
            {
                foreach (var report in reports)
                {
                    report.MeasureId = measure.Id;
                }

                allReports.AddRange(reports);
            }

            foreach (var chunk in allReports.Chunk(BatchSize))
            {
                db.ProgressReports.AddRange(chunk);
                await SaveAsync(cancellationToken);
            }

            return (made.Count, allReports.Count);
        }

        private Fate FateOf(bool current)
        {
            var roll = random.NextDouble();
            if (!current)
            {
                return roll switch
                {
                    < 0.90 => Fate.Completed,
                    < 0.935 => Fate.CancelledUnderway,
                    < 0.945 => Fate.CancelledAsDraft,
                    < 0.97 => Fate.Suspended,
                    _ => Fate.Overdue,
                };
            }

            return roll switch
            {
                < 0.07 => Fate.Draft,
                < 0.09 => Fate.CancelledAsDraft,
                < 0.11 => Fate.CancelledUnderway,
                < 0.14 => Fate.Suspended,
                < 0.32 => Fate.Completed,
                < 0.38 => Fate.Overdue,
                < 0.66 => Fate.Green,
                < 0.84 => Fate.Yellow,
                _ => Fate.Red,
            };
        }

        /// <summary>
        /// Takes a measure through its life by its own rules (schedule, activate, reports submitted
        /// and reviewed, completion, suspension or cancellation) and returns its reports.
        /// </summary>
        private List<ProgressReport> Live(Measure measure, PlannedClause planned)
        {
            var issued = planned.Document.IssuedOn!.Value;
            var fate = FateOf(planned.Current);
            var (start, due) = Schedule(fate, issued, planned.Current);
            measure.Schedule(start, due);
            var created = fate == Fate.Draft
                ? new DateOnly(2026, 10, 1).AddDays(random.Next(0, 50))
                : issued.AddDays(random.Next(1, 8));
            measure.CreatedAt = At(created, 1);
            measure.UpdatedAt = measure.CreatedAt;
            AddMilestones(measure, start, due);

            var reports = new List<ProgressReport>();
            if (fate == Fate.Draft)
            {
                return reports;
            }

            if (fate == Fate.CancelledAsDraft)
            {
                measure.Cancel(Pick(DemoCatalog.CancelReasons));
                measure.UpdatedAt = At(created.AddDays(random.Next(20, 90)), 3);
                return reports;
            }

            measure.Activate();
            var span = due.DayNumber - start.DayNumber;
            switch (fate)
            {
                case Fate.Completed:
                {
                    var completedOn = start.AddDays(Math.Max(40, (int)(span * (0.7 + (random.NextDouble() * 0.45)))));
                    var latest = AsOf.AddDays(-7);
                    if (completedOn > latest)
                    {
                        completedOn = latest.AddDays(-random.Next(0, 60));
                    }

                    var finalOn = completedOn.AddDays(-2);
                    Report(measure, reports, start, finalOn.AddMonths(-2), random.Next(60, 96), pendingLast: false);
                    var final = measure.SubmitReport(Content(measure, finalOn, 100), LiaisonOf(measure), At(finalOn, 2),
                        finalOn, thresholds);
                    measure.Accept(final, _reviewer.Name, At(completedOn.AddDays(-1), 6), final.Content.Confidence, "同意办结");
                    reports.Add(final);
                    measure.Complete(completedOn);
                    measure.UpdatedAt = At(completedOn, 7);
                    MarkMilestones(measure, completedOn);
                    break;
                }

                case Fate.Suspended or Fate.CancelledUnderway:
                {
                    var stoppedOn = start.AddDays(Math.Max(60, (int)(span * (0.3 + (random.NextDouble() * 0.3)))));
                    if (stoppedOn >= AsOf)
                    {
                        stoppedOn = AsOf.AddDays(-random.Next(10, 60));
                    }

                    Report(measure, reports, start, stoppedOn.AddMonths(-1), random.Next(15, 60), pendingLast: false);
                    MarkMilestones(measure, stoppedOn);
                    if (fate == Fate.Suspended)
                    {
                        measure.Suspend(Pick(DemoCatalog.SuspendReasons));
                    }
                    else
                    {
                        measure.Cancel(Pick(DemoCatalog.CancelReasons));
                    }

                    measure.UpdatedAt = At(stoppedOn, 8);
                    break;
                }

                case Fate.Overdue:
                {
                    // A slipping measure; historical ones stopped reporting a few months after the deadline.
                    var lastMonth = planned.Current ? LastReportedMonth : due.AddMonths(3);
                    var from = planned.Current ? Later(start, CurrentReportingFrom) : start;
                    Report(measure, reports, from, lastMonth, random.Next(40, 91), pendingLast: Chance(0.3));
                    MarkMilestones(measure, lastMonth);
                    break;
                }

                default:
                {
                    var expected = LightRule.ExpectedPercent(start, due, AsOf);
                    var target = fate switch
                    {
                        Fate.Red when expected >= 40 => expected - random.Next(35, 41 + Math.Min(20, expected - 40)),
                        Fate.Yellow or Fate.Red when expected >= 15 => expected - random.Next(12, Math.Min(28, expected) + 1),
                        _ => Math.Clamp(expected - random.Next(-5, 9), 0, 100),
                    };
                    Report(measure, reports, Later(start, CurrentReportingFrom), LastReportedMonth, target,
                        pendingLast: Chance(0.3));
                    MarkMilestones(measure, AsOf);
                    break;
                }
            }

            return reports;
        }

        private (DateOnly Start, DateOnly Due) Schedule(Fate fate, DateOnly issued, bool current)
        {
            if (!current)
            {
                var start = issued.AddDays(random.Next(10, 61));
                return (start, start.AddDays(random.Next(90, 361)));
            }

            var trancheStart = new DateOnly(2023, 3, 1);
            switch (fate)
            {
                case Fate.Draft or Fate.CancelledAsDraft:
                {
                    var start = new DateOnly(2027, 1, 1).AddDays(random.Next(0, 181));
                    return (start, start.AddDays(random.Next(365, 701)));
                }

                case Fate.Completed:
                {
                    var start = trancheStart.AddDays(random.Next(0, 601));
                    return (start, start.AddDays(random.Next(400, 801)));
                }

                case Fate.Overdue:
                    return (trancheStart.AddDays(random.Next(0, 501)), new DateOnly(2025, 12, 1).AddDays(random.Next(0, 351)));

                default:
                    return (trancheStart.AddDays(random.Next(0, 900)), new DateOnly(2026, 12, 15).AddDays(random.Next(0, 701)));
            }
        }

        private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

        private static DateTime At(DateOnly day, int hour) => day.ToDateTime(new TimeOnly(hour, 0), DateTimeKind.Utc);

        private string LiaisonOf(Measure measure) => _people[measure.LeadUnitId].Liaison.Name;

        /// <summary>
        /// Monthly reports for the months from <paramref name="from"/> to <paramref name="to"/> (some
        /// skipped), rising evenly to <paramref name="target"/> percent, each submitted early in
        /// the following month and reviewed a few days later. Some are returned and sent again;
        /// the last may still await review.
        /// </summary>
        private void Report(Measure measure, List<ProgressReport> reports, DateOnly from, DateOnly to, int target,
            bool pendingLast)
        {
            var all = new List<DateOnly>();
            for (var month = new DateOnly(from.Year, from.Month, 1); month <= to; month = month.AddMonths(1))
            {
                all.Add(month);
            }

            // Older measures reported less regularly than the current tranche does.
            var gaps = from < CurrentTrancheFrom ? 0.45 : 0.2;
            var months = all.Where((_, i) => i == all.Count - 1 || !Chance(gaps)).ToList();
            if (months.Count == 0)
            {
                return;
            }

            var accepted = pendingLast ? months.Count - 1 : months.Count;
            for (var k = 0; k < months.Count; k++)
            {
                var pending = k >= accepted;
                var percent = pending
                    ? Math.Min(100, target + random.Next(0, 6))
                    : (int)Math.Round(target * (k + 1) / (double)accepted);
                var submittedOn = months[k].AddMonths(1).AddDays(random.Next(2, 8));
                var report = measure.SubmitReport(Content(measure, submittedOn, percent, months[k]), LiaisonOf(measure),
                    At(submittedOn, 2 + random.Next(0, 6)), submittedOn, thresholds);
                reports.Add(report);
                measure.UpdatedAt = report.SubmittedAt;
                if (pending)
                {
                    continue;
                }

                var reviewedOn = submittedOn.AddDays(random.Next(1, 5));
                if (Chance(0.06))
                {
                    report.Return(_reviewer.Name, At(reviewedOn, 6), Pick(DemoCatalog.ReturnReasons));
                    submittedOn = reviewedOn.AddDays(random.Next(1, 4));
                    report = measure.SubmitReport(Content(measure, submittedOn, percent, months[k]), LiaisonOf(measure),
                        At(submittedOn, 3), submittedOn, thresholds);
                    reports.Add(report);
                    reviewedOn = submittedOn.AddDays(random.Next(1, 3));
                }

                var office = Chance(0.85) ? report.Content.Confidence : Worse(report.Content.Confidence);
                measure.Accept(report, _reviewer.Name, At(reviewedOn, 7), office, null);
                measure.UpdatedAt = At(reviewedOn, 7);
            }
        }

        private ReportContent Content(Measure measure, DateOnly submittedOn, int percent, DateOnly? month = null)
        {
            var light = LightRule.Compute(MeasureStatus.Active, measure.StartOn, measure.DueOn, percent, submittedOn, thresholds);
            var behind = light is Light.Yellow or Light.Red;
            var confidence = light switch
            {
                Light.Red => Chance(0.2) ? DeliveryConfidence.Unachievable : DeliveryConfidence.Unlikely,
                Light.Yellow => Chance(0.6) ? DeliveryConfidence.Likely : DeliveryConfidence.Unlikely,
                _ => Chance(0.7) ? DeliveryConfidence.HighlyLikely : DeliveryConfidence.Likely,
            };
            var period = month ?? new DateOnly(submittedOn.Year, submittedOn.Month, 1);
            return new ReportContent
            {
                Period = period.ToString("yyyy-MM", CultureInfo.InvariantCulture),
                Percent = percent,
                Done = percent == 100 ? "各项任务已全部完成，形成制度成果并报送总结材料" : Pick(DemoCatalog.DoneTexts),
                Obstacles = behind || Chance(0.2) ? Pick(DemoCatalog.Obstacles) : null,
                NextSteps = percent == 100 ? null : Pick(DemoCatalog.NextSteps),
                Confidence = confidence,
                Explanation = behind || percent < measure.Progress ? Pick(DemoCatalog.DelayExplanations) : null,
                Evidence = Chance(0.5) ? "工作台账及会议纪要已上传" : null,
            };
        }

        private static DeliveryConfidence Worse(DeliveryConfidence confidence) =>
            confidence == DeliveryConfidence.Unachievable ? DeliveryConfidence.Unlikely : confidence + 1;

        private void AddMilestones(Measure measure, DateOnly start, DateOnly due)
        {
            int[] steps = Chance(0.7) ? [0, 3] : [0, 1, 3];
            var span = due.DayNumber - start.DayNumber;
            for (var s = 0; s < steps.Length; s++)
            {
                measure.Milestones.Add(new Milestone
                {
                    Title = DemoCatalog.MilestoneTitles[steps[s]],
                    DueOn = start.AddDays(span * (s + 1) / steps.Length),
                });
            }
        }

        /// <summary>Marks done the milestones that fell due by <paramref name="until"/> and that the progress covers.</summary>
        private void MarkMilestones(Measure measure, DateOnly until)
        {
            var count = measure.Milestones.Count;
            for (var s = 0; s < count; s++)
            {
                var milestone = measure.Milestones[s];
                var share = (s + 1) * 100 / count;
                if (milestone.DueOn <= until && (measure.Progress >= share || measure.Status == MeasureStatus.Completed))
                {
                    milestone.MarkDone(milestone.DueOn, Pick(DemoCatalog.MilestoneEvidence));
                }
                else if (measure.Status == MeasureStatus.Completed)
                {
                    milestone.MarkDone(until, Pick(DemoCatalog.MilestoneEvidence));
                }
            }
        }
    }
}
