using Microsoft.Extensions.Logging;
using Tracker.Panels.Panels;
using Tracker.Panels.Responses;

namespace Tracker.Panels.Participants;

/// <summary>
/// The right to erasure: the contact row goes (the only personal data), nothing is ever sent again, and on request the
/// responses go too. Sealed snapshots are immutable, so their readers leave out participants whose responses were erased.
/// </summary>
public sealed class ParticipantErasure
{
    private readonly ParticipantRepository participants;
    private readonly ResponseRepository responses;
    private readonly TimeProvider clock;
    private readonly ILogger<ParticipantErasure> logger;

    public ParticipantErasure(ParticipantRepository participants, ResponseRepository responses, TimeProvider clock, ILogger<ParticipantErasure> logger)
    {
        this.participants = participants;
        this.responses = responses;
        this.clock = clock;
        this.logger = logger;
    }

    /// <summary>Returns null when there is no such participant, else how many response rows were deleted.</summary>
    public async Task<int?> EraseAsync(Panel panel, string participantId, bool withResponses, CancellationToken cancellationToken)
    {
        if (!Common.Ids.LooksLikeId(participantId)) return null;
        if (!await participants.EraseAsync(panel.Id, participantId, withResponses, clock.GetUtcNow(), cancellationToken).ConfigureAwait(false)) return null;
        var deleted = withResponses ? await responses.DeleteAsync(panel.Id, participantId, panel.Schedule.Waves, cancellationToken).ConfigureAwait(false) : 0;
        logger.LogInformation("Erased participant {ParticipantId} of panel {PanelId} (responses erased: {WithResponses}, {Deleted} rows)", participantId, panel.Id, withResponses, deleted);
        return deleted;
    }
}
