-- Hours between filing and the mode's lodgement deadline, computed at screening. Results screened before this
-- migration keep null ("deadline not known") and are left out of the on-time share.
ALTER TABLE "screening_results" ADD COLUMN "filing_margin_hours" double precision;