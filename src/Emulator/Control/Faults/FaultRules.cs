using Emulator.Journal;
using Emulator.State;

namespace Emulator.Faults;

/// <summary>
/// The fault rules, in memory, in the order they were added; the first matching rule whose probability draw succeeds
/// shapes a request. Thread-safe: a rule limited to N requests shapes exactly N even under concurrent requests.
/// </summary>
public sealed class FaultRules : IResettable
{
    private readonly Lock _gate = new();
    private readonly List<Rule> _rules = [];
    private int _lastId;

    /// <summary>Adds a rule (already validated) and returns it as listed.</summary>
    public FaultWire Add(FaultRequest request)
    {
        lock (_gate)
        {
            var rule = new Rule($"f{++_lastId}", request);
            _rules.Add(rule);
            return rule.Wire();
        }
    }

    /// <summary>Every rule, oldest first.</summary>
    public IReadOnlyList<FaultWire> List()
    {
        lock (_gate)
        {
            return _rules.Select(r => r.Wire()).ToList();
        }
    }

    /// <summary>Removes one rule; false when there is no such rule.</summary>
    public bool Remove(string id)
    {
        lock (_gate)
        {
            return _rules.RemoveAll(r => r.Id == id) > 0;
        }
    }

    /// <summary>Removes every rule, or the rules scoped to one tenant (rules for every tenant stay).</summary>
    public void Reset(string? customerId)
    {
        lock (_gate)
        {
            _rules.RemoveAll(r => customerId is null || r.Request.CustomerId == customerId);
        }
    }

    /// <summary>
    /// The rule that shapes a request with these attributes, counted as applied (and removed when it was its last), or
    /// null when none applies.
    /// </summary>
    public (string Id, FaultRequest Rule)? Take(string method, string path, string? customerId)
    {
        lock (_gate)
        {
            foreach (var rule in _rules)
            {
                if (!rule.Matches(method, path, customerId) || !rule.Draw())
                {
                    continue;
                }

                rule.Applied++;
                if (rule.Request.Times is { } times && rule.Applied >= times)
                {
                    _rules.Remove(rule);
                }

                return (rule.Id, rule.Request);
            }

            return null;
        }
    }

    private sealed class Rule(string id, FaultRequest request)
    {
        private readonly JournalFilter _filter = new(request.Method, request.Path, request.CustomerId, null, null, null);
        private readonly Random _random = request.Seed is { } seed ? new Random(seed) : new Random();

        public string Id { get; } = id;

        public FaultRequest Request { get; } = request;

        public int Applied { get; set; }

        public bool Matches(string method, string path, string? customerId) => _filter.MatchesRequest(method, path, customerId);

        public bool Draw() => Request.Probability is not { } p || p >= 1 || _random.NextDouble() < p;

        public FaultWire Wire() => new(Id, Request, Applied, Request.Times is { } times ? times - Applied : null);
    }
}
