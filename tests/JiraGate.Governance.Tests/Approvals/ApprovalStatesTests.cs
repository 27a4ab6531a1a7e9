using JiraGate.Governance.Approvals;
using static JiraGate.Governance.Approvals.ApprovalState;

namespace JiraGate.Governance.Tests.Approvals;

public sealed class ApprovalStatesTests
{
    // Written by hand from the brief: pending → approved | denied | expired; approved → executing | expired;
    // executing → executed | failed. Everything else is illegal.
    private static readonly HashSet<(ApprovalState, ApprovalState)> Legal =
    [
        (Pending, Approved), (Pending, Denied), (Pending, Expired),
        (Approved, Executing), (Approved, Expired),
        (Executing, Executed), (Executing, Failed),
    ];

    public static TheoryData<ApprovalState, ApprovalState> AllPairs()
    {
        var data = new TheoryData<ApprovalState, ApprovalState>();
        foreach (var from in Enum.GetValues<ApprovalState>())
        {
            foreach (var to in Enum.GetValues<ApprovalState>())
            {
                data.Add(from, to);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(AllPairs))]
    public void IsLegal_EveryPair_MatchesTheHandWrittenTable(ApprovalState from, ApprovalState to) =>
        Assert.Equal(Legal.Contains((from, to)), ApprovalStates.IsLegal(from, to));

    [Fact]
    public void IsFinal_NothingLeavesAFinalState()
    {
        foreach (var state in Enum.GetValues<ApprovalState>())
        {
            var hasExit = Enum.GetValues<ApprovalState>().Any(to => ApprovalStates.IsLegal(state, to));
            Assert.Equal(!hasExit, ApprovalStates.IsFinal(state));
        }
    }

    [Fact]
    public void ToNameAndParse_RoundTripEveryState()
    {
        foreach (var state in Enum.GetValues<ApprovalState>())
        {
            Assert.Equal(state, ApprovalStates.Parse(ApprovalStates.ToName(state)));
        }
        Assert.Throws<FormatException>(() => ApprovalStates.Parse("Approved"));
    }
}
