// The public front door at "/": plain information about the treatment and a consultation request.
import { Box } from '@mantine/core';
import { useEffect } from 'react';
import { ConsultationSection } from './ConsultationSection.tsx';
import { Hero } from './Hero.tsx';
import { InsuranceSection } from './InsuranceSection.tsx';
import { PublicFooter } from './PublicFooter.tsx';
import { PublicHeader } from './PublicHeader.tsx';
import { SafetySection } from './SafetySection.tsx';
import { SeriesSection } from './SeriesSection.tsx';
import { SideEffectsSection } from './SideEffectsSection.tsx';
import { SubstanceUseSection } from './SubstanceUseSection.tsx';
import { TreatmentSection } from './TreatmentSection.tsx';

export function FrontDoorPage() {
  useEffect(() => {
    document.title = 'Ketamine infusion therapy · OpenKAP';
  }, []);
  return (
    <>
      <a className="ok-skip-link" href="#treatment">
        Skip to content
      </a>
      <PublicHeader />
      <Box component="main">
        <Hero />
        <TreatmentSection />
        <SeriesSection />
        <SideEffectsSection />
        <SafetySection />
        <SubstanceUseSection />
        <InsuranceSection />
        <ConsultationSection />
      </Box>
      <PublicFooter />
    </>
  );
}
