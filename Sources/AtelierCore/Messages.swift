/// Every user-facing sentence of the library, by key. The texts live in the catalogues
/// `Catalogue+fr.swift` and `Catalogue+en.swift`; placeholders are written `{name}`.
public enum MessageKey: String, CaseIterable, Sendable {
    // YAML layer
    case yamlSyntax = "yaml.syntax"
    case yamlSyntaxFix = "yaml.syntax.fix"
    case yamlExplainMappingValues = "yaml.explain.mapping-values"
    case yamlExplainExpectedKey = "yaml.explain.expected-key"
    case yamlExplainUnclosedList = "yaml.explain.unclosed-list"
    case yamlExplainUnclosedBlock = "yaml.explain.unclosed-block"
    case yamlExplainUnclosedQuote = "yaml.explain.unclosed-quote"
    case yamlExplainMissingColon = "yaml.explain.missing-colon"
    case yamlExplainMisplacedDash = "yaml.explain.misplaced-dash"
    case yamlExplainInvalidCharacter = "yaml.explain.invalid-character"
    case yamlExplainOther = "yaml.explain.other"
    case yamlDuplicateKey = "yaml.duplicate-key"
    case yamlDuplicateKeyFix = "yaml.duplicate-key.fix"
    case yamlAnchor = "yaml.anchor"
    case yamlAlias = "yaml.alias"
    case yamlAnchorWhy = "yaml.anchor.why"
    case yamlAnchorFix = "yaml.anchor.fix"
    case yamlTag = "yaml.tag"
    case yamlTagWhy = "yaml.tag.why"
    case yamlTagFix = "yaml.tag.fix"
    case yamlMergeKey = "yaml.merge-key"
    case yamlMergeKeyFix = "yaml.merge-key.fix"
    case yamlComplexKey = "yaml.complex-key"
    case yamlComplexKeyFix = "yaml.complex-key.fix"
    case yamlMultipleDocuments = "yaml.multiple-documents"
    case yamlMultipleDocumentsFix = "yaml.multiple-documents.fix"
    case yamlTab = "yaml.tab"
    case yamlTabWhy = "yaml.tab.why"
    case yamlTabFix = "yaml.tab.fix"
    case yamlInvalidUTF8 = "yaml.invalid-utf8"
    case yamlUnsupportedEncoding = "yaml.unsupported-encoding"
    case yamlEncodingFix = "yaml.encoding.fix"
    case yamlTooLarge = "yaml.too-large"
    case yamlTooDeep = "yaml.too-deep"
    case yamlTooManyNodes = "yaml.too-many-nodes"
    case yamlLimitFix = "yaml.limit.fix"

    // Expected forms of values, used inside other messages
    case formText = "form.text"
    case formId = "form.id"
    case formRef = "form.ref"
    case formDate = "form.date"
    case formDateTime = "form.datetime"
    case formMoment = "form.moment"
    case formDuration = "form.duration"
    case formBool = "form.bool"
    case formInteger = "form.integer"
    case formNumber = "form.number"
    case formPercent = "form.percent"
    case formChoice = "form.choice"
    case formCountry = "form.country"
    case formCurrency = "form.currency"
    case formEmail = "form.email"
    case formLocalizedText = "form.localized-text"
    case formMapping = "form.mapping"
    case formList = "form.list"
    case placeTop = "place.top"
    case placeIn = "place.in"

    // Mockup structure
    case mockupEmpty = "mockup.empty"
    case mockupEmptyFix = "mockup.empty.fix"
    case mockupFormat = "mockup.format"
    case mockupFormatFix = "mockup.format.fix"
    case mockupMissingKey = "mockup.missing-key"
    case mockupMissingKeyFix = "mockup.missing-key.fix"
    case mockupMissingValue = "mockup.missing-value"
    case mockupWrongType = "mockup.wrong-type"
    case mockupWriteExpected = "mockup.write-expected"
    case mockupUnknownKey = "mockup.unknown-key"
    case mockupUnknownKeySuggestion = "mockup.unknown-key.suggestion"
    case mockupUnknownKeyWhy = "mockup.unknown-key.why"
    case mockupUnknownKeyFix = "mockup.unknown-key.fix"
    case mockupUnknownKeyCommaFix = "mockup.unknown-key.comma-fix"
    case mockupUnknownValue = "mockup.unknown-value"
    case mockupUnknownValueSuggestion = "mockup.unknown-value.suggestion"
    case mockupUnknownValueFix = "mockup.unknown-value.fix"
    case mockupInvalidValue = "mockup.invalid-value"
    case mockupDuplicateId = "mockup.duplicate-id"
    case mockupDuplicateIdFix = "mockup.duplicate-id.fix"
    case mockupDanglingRef = "mockup.dangling-ref"
    case mockupDanglingRefSuggestion = "mockup.dangling-ref.suggestion"
    case mockupDanglingRefFix = "mockup.dangling-ref.fix"
    case mockupDanglingRefNone = "mockup.dangling-ref.none"
    case mockupUnknownScale = "mockup.unknown-scale"
    case mockupUnknownScaleFix = "mockup.unknown-scale.fix"
    case mockupEndBeforeStart = "mockup.end-before-start"
    case mockupEndBeforeStartFix = "mockup.end-before-start.fix"
    case scaleValuesCount = "scale.values-count"

    // Checklists
    case checklistEmpty = "checklist.empty"
    case checklistDidYouMean = "checklist.did-you-mean"
    case checklistAccepted = "checklist.accepted"
    case checklistUnknownKey = "checklist.unknown-key"
    case checklistMissingKey = "checklist.missing-key"
    case checklistExpectedText = "checklist.expected-text"
    case checklistExpectedMapping = "checklist.expected-mapping"
    case checklistExpectedNumber = "checklist.expected-number"
    case checklistExpectedList = "checklist.expected-list"
    case checklistNeedsBothLanguages = "checklist.needs-both-languages"
    case checklistDuplicateRule = "checklist.duplicate-rule"
    case checklistBadRuleId = "checklist.bad-rule-id"
    case checklistUnknownSeverity = "checklist.unknown-severity"
    case checklistUnknownSection = "checklist.unknown-section"
    case checklistUnknownValue = "checklist.unknown-value"
    case checklistUnknownCheck = "checklist.unknown-check"
    case checklistUnknownBuiltin = "checklist.unknown-builtin"
    case checklistUnknownOption = "checklist.unknown-option"
    case checklistBuiltinOrCheck = "checklist.builtin-or-check"
    case checklistOptionsNeedBuiltin = "checklist.options-need-builtin"
    case checklistOneCheck = "checklist.one-check"
    case checklistBadCheckArgument = "checklist.bad-check-argument"
    case checklistBadPattern = "checklist.bad-pattern"
    case checklistPathSyntax = "checklist.path-syntax"
    case checklistPathUnknownKey = "checklist.path-unknown-key"
    case checklistPathNeedsSelector = "checklist.path-needs-selector"
    case checklistPathNotAList = "checklist.path-not-a-list"
    case checklistPathNotAnObject = "checklist.path-not-an-object"
    case checklistPathBadSelector = "checklist.path-bad-selector"
    case checklistUnknownChecklist = "checklist.unknown-checklist"
    case checklistCycle = "checklist.cycle"
    case checklistUnknownRule = "checklist.unknown-rule"
    case checklistExampleSilent = "checklist.example-silent"
    case checklistExampleFired = "checklist.example-fired"
    case checklistExampleWrongPlace = "checklist.example-wrong-place"
    case checklistExampleUnreadable = "checklist.example-unreadable"
    case rubricThresholds = "rubric.thresholds"
    case gradeLongHeader = "grade.long-header"
    case gradeUnknownRubric = "grade.unknown-rubric"
    case gradeNoGroups = "grade.no-groups"
    case gradeNoScores = "grade.no-scores"
    case canvasHeader = "canvas.header"
    case canvasBadPoints = "canvas.bad-points"
    case canvasNoRatings = "canvas.no-ratings"
    case gradeRubricSummary = "grade.rubric-summary"
    case gradeRubricCriterion = "grade.rubric-criterion"
    case gradeRubricAuto = "grade.rubric-auto"
    case gradeRubricFeedbackOnly = "grade.rubric-feedback-only"
    case gradeRubricWritten = "grade.rubric-written"
    case peerHeader = "peer.header"
    case peerBadMark = "peer.bad-mark"
    case peerSummary = "peer.summary"
    case peerUnknownGroup = "peer.unknown-group"
    case gradebookSheetMarks = "gradebook.sheet-marks"
    case gradebookSheetComparison = "gradebook.sheet-comparison"
    case gradebookSheetAgreement = "gradebook.sheet-agreement"
    case gradebookMark = "gradebook.mark"
    case gradebookGraderTotal = "gradebook.grader-total"
    case gradebookSpread = "gradebook.spread"
    case gradebookCriterion = "gradebook.criterion"
    case gradebookPoints = "gradebook.points"
    case gradebookLevelGap = "gradebook.level-gap"
    case gradebookComments = "gradebook.comments"
    case gradebookAgreementTitle = "gradebook.agreement-title"
    case gradebookAgreementColumns = "gradebook.agreement-columns"
    case gradebookIccRow = "gradebook.icc-row"
    case gradebookAlphaRow = "gradebook.alpha-row"
    case gradebookKappaLinearRow = "gradebook.kappa-linear-row"
    case gradebookKappaQuadraticRow = "gradebook.kappa-quadratic-row"
    case gradebookGuideSources = "gradebook.guide-sources"
    case gradeSheetWritten = "grade.sheet-written"
    case gradeCriterionAgreement = "grade.criterion-agreement"
    case gradeAgreementLine = "grade.agreement-line"
    case gradeDisagreementFlag = "grade.disagreement-flag"
    case gradeSummary = "grade.summary"
    case feedbackFindings = "feedback.findings"
    case feedbackComments = "feedback.comments"
    case feedbackColumns = "feedback.columns"
    case feedbackCriteria = "feedback.criteria"
    case feedbackToWork = "feedback.to-work"
    case feedbackStrengths = "feedback.strengths"
    case guideAlmostPerfect = "guide.almost-perfect"
    case guideSubstantial = "guide.substantial"
    case guideFair = "guide.fair"
    case guideSlight = "guide.slight"
    case guideUnreliable = "guide.unreliable"
    case guideTentative = "guide.tentative"
    case guideReliable = "guide.reliable"
    case guideExcellent = "guide.excellent"
    case guideGood = "guide.good"
    case guideModerate = "guide.moderate"
    case guidePoor = "guide.poor"
    case gradeCommentColumn = "grade.comment-column"
    case gradeGroupColumn = "grade.group-column"
    case gradeLegendColumns = "grade.legend-columns"
    case gradeUnknownGroup = "grade.unknown-group"
    case gradeGraderEmpty = "grade.grader-empty"
    case gradeUnknownLevel = "grade.unknown-level"
    case gradeUnknownCriterion = "grade.unknown-criterion"
    case gradeRowPlace = "grade.row-place"
    case gradeSheetWord = "grade.sheet-word"
    case rubricLevelsOrder = "rubric.levels-order"
    case rubricDuplicateCriterion = "rubric.duplicate-criterion"
    case suppressionWithoutReason = "suppression.without-reason"
    case suppressionWithoutReasonFix = "suppression.without-reason.fix"
    case suppressionWithoutReasonWhy = "suppression.without-reason.why"

    // Checklist sections
    case sectionObjectives = "section.objectives"
    case sectionAlignment = "section.alignment"
    case sectionAudiences = "section.audiences"
    case sectionAccessibility = "section.accessibility"
    case sectionInclusion = "section.inclusion"
    case sectionDataAndRights = "section.data-and-rights"
    case sectionTechnology = "section.technology"
    case sectionSchedule = "section.schedule"
    case sectionEvaluation = "section.evaluation"
    case sectionSustainability = "section.sustainability"

    // Checklist documents
    case cliRuleCount = "cli.rule-count"
    case cliChecklistTested = "cli.checklist-tested"
    case docOff = "doc.off"
    case docTitle = "doc.title"
    case docIntro = "doc.intro"
    case docColumnChecked = "doc.column.checked"
    case docColumnWhy = "doc.column.why"
    case docColumnReference = "doc.column.reference"
    case checkPresent = "check.present"
    case checkPresentKeys = "check.present-keys"
    case checkNotEmpty = "check.not-empty"
    case checkEquals = "check.equals"
    case checkOneOf = "check.one-of"
    case checkMatches = "check.matches"
    case checkAtLeast = "check.at-least"
    case checkNumberBetween = "check.number-between"
    case checkCountAtLeast = "check.count-at-least"
    case checkCountBetween = "check.count-between"
    case checkUnique = "check.unique"
    case checkRefersTo = "check.refers-to"
    case checkDateBefore = "check.date-before"
    case checkWhen = "check.when"

    // Reports
    case severityError = "severity.error"
    case severityWarning = "severity.warning"
    case severityInfo = "severity.info"
    case reportWhy = "report.why"
    case reportFix = "report.fix"
    case reportSummary = "report.summary"
    case reportSuppressed = "report.suppressed"
    case reportReadiness = "report.readiness"
    case reportSummarySuppressed = "report.summary-suppressed"
    case reportNoFindings = "report.no-findings"
    case reportTitle = "report.title"
    case reportColumnPlace = "report.column.place"
    case reportColumnSeverity = "report.column.severity"
    case reportColumnRule = "report.column.rule"
    case reportColumnMessage = "report.column.message"
    case reportColumnFix = "report.column.fix"

    // The command
    case cliNoSuchFile = "cli.no-such-file"
    case cliUnreadable = "cli.unreadable"
    case cliEmptyFolder = "cli.empty-folder"
    case cliOutputExists = "cli.output-exists"
    case cliOutputIsInput = "cli.output-is-input"
    case cliCannotWrite = "cli.cannot-write"
    case cliUnknownTemplate = "cli.unknown-template"
    case cliTemplatesNotFound = "cli.templates-not-found"
    case cliCreated = "cli.created"
    case cliWritten = "cli.written"
    case cliDemoDone = "cli.demo-done"
    case mergeDifferentPlans = "merge.different-plans"
    case mergeVersion = "merge.version"
    case mergeNotAnAggregate = "merge.not-an-aggregate"
    case xlsxAnswers = "xlsx.answers"
    case xlsxSuppressed = "xlsx.suppressed"
    case xlsxCaution = "xlsx.caution"
    case xlsxExcludedColumns = "xlsx.excluded-columns"
    case xlsxSegmentColumns = "xlsx.segment-columns"
    case xlsxDistributionColumns = "xlsx.distribution-columns"
    case xlsxColumns = "xlsx.columns"
    case xlsxRows = "xlsx.rows"
    case xlsxGenerated = "xlsx.generated"
    case xlsxFilesRead = "xlsx.files-read"
    case xlsxSheetExcluded = "xlsx.sheet.excluded"
    case xlsxSheetSegments = "xlsx.sheet.segments"
    case xlsxSheetIndicators = "xlsx.sheet.indicators"
    case xlsxSheetProject = "xlsx.sheet.project"
    case impactMoreProblems = "impact.more-problems"
    case impactUnknown = "impact.unknown"
    case impactNotMet = "impact.not-met"
    case impactMet = "impact.met"
    case impactTargetWord = "impact.target-word"
    case impactSummaryRows = "impact.summary-rows"
    case impactNoMaximum = "impact.no-maximum"
    case impactNoCategories = "impact.no-categories"
    case impactNoPairs = "impact.no-pairs"
    case impactNoExpected = "impact.no-expected"
    case impactNoAnswer = "impact.no-answer"
    case impactNoQuestion = "impact.no-question"
    case impactUnsupportedMeasure = "impact.unsupported-measure"
    case impactNotObserved = "impact.not-observed"
    case impactBadScale = "impact.bad-scale"
    case impactEmptyFile = "impact.empty-file"
    case impactTooManyColumns = "impact.too-many-columns"
    case impactFieldTooLong = "impact.field-too-long"
    case impactUnclosedQuote = "impact.unclosed-quote"
    case impactTableColumn = "impact.table-column"
    case impactTable = "impact.table"
    case impactUnknownScale = "impact.unknown-scale"
    case impactNoPlan = "impact.no-plan"
    case impactColumnLetter = "impact.column-letter"
    case impactNoColumn = "impact.no-column"
    case impactIncomplete = "impact.incomplete"
    case impactDuplicateRow = "impact.duplicate-row"
    case impactDuplicateRowElsewhere = "impact.duplicate-row-elsewhere"
    case impactEmptyRow = "impact.empty-row"
    case impactUnknownChoice = "impact.unknown-choice"
    case impactNotAChoice = "impact.not-a-choice"
    case impactNotALevel = "impact.not-a-level"
    case impactNotANumber = "impact.not-a-number"
    case impactTooManyChoices = "impact.too-many-choices"
}

/// Renders catalogue messages in both languages.
public enum Catalogue {
    /// The message `key` in both languages, with `{name}` placeholders replaced by `arguments`.
    public static func text(_ key: MessageKey, _ arguments: [String: String] = [:]) -> Localized {
        Localized(
            fr: fill(french[key] ?? key.rawValue, arguments),
            en: fill(english[key] ?? key.rawValue, arguments)
        )
    }

    /// The message `key` with placeholders that are themselves localized (an expected form,
    /// a place), each filled in the matching language.
    public static func text(_ key: MessageKey, localized arguments: [String: Localized]) -> Localized {
        Localized(
            fr: fill(french[key] ?? key.rawValue, arguments.mapValues(\.fr)),
            en: fill(english[key] ?? key.rawValue, arguments.mapValues(\.en))
        )
    }

    public static func template(_ key: MessageKey, in language: Language) -> String? {
        switch language {
        case .fr: french[key]
        case .en: english[key]
        }
    }

    public static func fill(_ template: String, _ arguments: [String: String]) -> String {
        var result = ""
        var rest = Substring(template)
        while let (range, name) = nextPlaceholder(in: rest) {
            result += rest[..<range.lowerBound]
            result += arguments[name] ?? "{\(name)}"
            rest = rest[range.upperBound...]
        }
        return result + rest
    }

    /// The placeholder names a template uses.
    public static func placeholders(in template: String) -> Set<String> {
        var names = Set<String>()
        var rest = Substring(template)
        while let (range, name) = nextPlaceholder(in: rest) {
            names.insert(name)
            rest = rest[range.upperBound...]
        }
        return names
    }

    /// The next `{name}` whose name is letters only; other braces are text (« { »).
    private static func nextPlaceholder(in text: Substring) -> (Range<Substring.Index>, String)? {
        var searchStart = text.startIndex
        while let open = text[searchStart...].firstIndex(of: "{") {
            let nameStart = text.index(after: open)
            let name = text[nameStart...].prefix { $0.isASCII && $0.isLetter }
            if !name.isEmpty, name.endIndex < text.endIndex, text[name.endIndex] == "}" {
                return (open..<text.index(after: name.endIndex), String(name))
            }
            searchStart = nameStart
        }
        return nil
    }
}
