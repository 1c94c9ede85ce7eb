import TandemStore

extension PlanSummary {
    init(_ record: PlanRecord) {
        self.init(
            id: record.id, dialogueID: record.dialogueID, dialogueTitle: record.dialogueTitle, dialogueVersion: record.dialogueVersion,
            started: record.created, updated: record.updated, answered: record.answered, skipped: record.skipped,
            part: record.part, parts: record.parts, finished: record.finished)
    }
}
