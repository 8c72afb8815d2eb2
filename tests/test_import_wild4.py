"""Lists in shapes written blind, round four (issue 22): ``tests/data/wild4/*.md`` were written from memory of
public awesome lists and group pages before the importer was changed for them, in shapes neither
``tests/data/wild``, ``tests/data/wild2`` nor the shared lists hold: reference-style links (``[Title][12]``,
``[[paper]][p12]``, ``[Title][]``, ``[Title]``) with definitions at the bottom and ``<https://…>`` autolinks, a
paper-notes blog (``#### [CVPR 2023] Title``, ``**Authors:**``/``**TL;DR:**``/``**Links:**`` lines, BibTeX under
``<details>``), a ``Year | Venue | Title | Links`` table whose Year and Venue cells are blank on following rows,
entries whose only link is Semantic Scholar, Google Scholar, ResearchGate, CiteSeerX or a PDF on a personal site,
bold titles with labelled sub-bullets (``Paper:``, ``📅 2023.05``, ``🏛️ CVPR 2023``, ``Authors:``), a Chinese-English
list (``【CVPR 2023】Title [论文](…)`` and a ``名称 | 论文 | 会议 | 时间`` table), a repository README whose
paper list follows News and Installation sections, and a group's publications page (``**2023**`` year lines,
``Authors. **Title**. *Venue*, 2023.`` with award notes, ``*`` and ``<sup>†</sup>`` marks).

Each is imported as a maintainer would (imported again, built with ``-W``, exported and imported again); the
tests say what a reader needs: every paper its own page, its title exactly, its date, links, authors.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import (
    assert_clean_import,
    assert_every_paper_its_own_dated_page,
    assert_generated_entries,
    assert_round_trip_keeps_links,
    assert_titles_dates_and_links,
    by_title,
    import_as_a_maintainer,
)
from papershelf.formats.lists.fields import VENUE_YEAR, clean_title, is_label

WILD = Path(__file__).parent / "data" / "wild4"
LISTS = sorted(path for path in WILD.glob("*.md") if path.name != "README.md")


@pytest.fixture(scope="module")
def shelves(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, object]]:
    return import_as_a_maintainer(LISTS, tmp_path_factory)


#: list -> number of papers it lists (each its own page)
COUNTS = {"bold-sub-bullets": 17, "cjk-mixed": 18, "group-publications": 17, "paper-notes": 16, "ref-links": 22, "repo-readme-news": 18, "scholar-links": 19, "year-venue-table": 18}
#: list -> title -> (date, the paper link, other links {kind: url}); an arXiv id dates a paper by its month,
#: else the list's own month or year (a blank Year cell is the row above's)
EXPECTED: dict[str, dict[str, tuple[str, str, dict[str, str]]]] = {
    "bold-sub-bullets": {
        "ReAct: Synergizing Reasoning and Acting in Language Models": ("2022-10", "https://arxiv.org/abs/2210.03629", {"code": "https://github.com/ysymyth/ReAct"}),
        "Reflexion: Language Agents with Verbal Reinforcement Learning": ("2023-03", "https://arxiv.org/abs/2303.11366", {"code": "https://github.com/noahshinn/reflexion"}),
        "Self-Refine: Iterative Refinement with Self-Feedback": ("2023-03", "https://arxiv.org/abs/2303.17651", {"code": "https://github.com/madaan/self-refine", "homepage": "https://selfrefine.info/"}),
        "Language Agent Tree Search Unifies Reasoning Acting and Planning in Language Models": ("2023-10", "https://arxiv.org/abs/2310.04406", {"code": "https://github.com/lapisrocks/LanguageAgentTreeSearch"}),
        "Voyager: An Open-Ended Embodied Agent with Large Language Models": ("2023-05", "https://arxiv.org/abs/2305.16291", {"code": "https://github.com/MineDojo/Voyager", "homepage": "https://voyager.minedojo.org/"}),
        "Toolformer: Language Models Can Teach Themselves to Use Tools": ("2023-02", "https://arxiv.org/abs/2302.04761", {}),
        "HuggingGPT: Solving AI Tasks with ChatGPT and its Friends in Hugging Face": ("2023-03", "https://arxiv.org/abs/2303.17580", {"code": "https://github.com/microsoft/JARVIS"}),
        "Gorilla: Large Language Model Connected with Massive APIs": ("2023-05", "https://arxiv.org/abs/2305.15334", {"code": "https://github.com/ShishirPatil/gorilla", "homepage": "https://gorilla.cs.berkeley.edu/"}),
        "ToolLLM: Facilitating Large Language Models to Master 16000+ Real-world APIs": ("2023-07", "https://openreview.net/forum?id=dHng2O0Jjr", {"code": "https://github.com/OpenBMB/ToolBench"}),
        'CAMEL: Communicative Agents for "Mind" Exploration of Large Language Model Society': ('2023-03', 'https://arxiv.org/abs/2303.17760', {'code': 'https://github.com/camel-ai/camel'}),
        "Generative Agents: Interactive Simulacra of Human Behavior": ("2023-04", "https://arxiv.org/abs/2304.03442", {"code": "https://github.com/joonspk-research/generative_agents"}),
        "MetaGPT: Meta Programming for A Multi-Agent Collaborative Framework": ("2023-08", "https://arxiv.org/abs/2308.00352", {"code": "https://github.com/geekan/MetaGPT"}),
        "AutoGen: Enabling Next-Gen LLM Applications via Multi-Agent Conversation": ("2023-08", "https://arxiv.org/abs/2308.08155", {"code": "https://github.com/microsoft/autogen"}),
        "ChatDev: Communicative Agents for Software Development": ("2023-07", "https://arxiv.org/abs/2307.07924", {"code": "https://github.com/OpenBMB/ChatDev"}),
        "WebShop: Towards Scalable Real-World Web Interaction with Grounded Language Agents": ("2022-07", "https://arxiv.org/abs/2207.01206", {"homepage": "https://webshop-pnlp.github.io/"}),
        "SWE-bench: Can Language Models Resolve Real-World GitHub Issues?": ("2023-10", "https://arxiv.org/abs/2310.06770", {"code": "https://github.com/princeton-nlp/SWE-bench"}),
        "AgentBench: Evaluating LLMs as Agents": ("2023-08", "https://arxiv.org/abs/2308.03688", {"code": "https://github.com/THUDM/AgentBench"}),
    },
    "cjk-mixed": {
        "Is Space-Time Attention All You Need for Video Understanding?": ("2021-02", "https://arxiv.org/abs/2102.05095", {"code": "https://github.com/facebookresearch/TimeSformer"}),
        "ViViT: A Video Vision Transformer": ("2021-03", "https://arxiv.org/abs/2103.15691", {"code": "https://github.com/google-research/scenic"}),
        "Video Swin Transformer": ("2021-06", "https://arxiv.org/abs/2106.13230", {"code": "https://github.com/SwinTransformer/Video-Swin-Transformer"}),
        "VideoMAE: Masked Autoencoders are Data-Efficient Learners for Self-Supervised Video Pre-Training": ("2022-03", "https://arxiv.org/abs/2203.12602", {"code": "https://github.com/MCG-NJU/VideoMAE"}),
        "Expanding Language-Image Pretrained Models for General Video Recognition": ("2022-08", "https://arxiv.org/abs/2208.02816", {"code": "https://github.com/microsoft/VideoX"}),
        "VideoMAE V2: Scaling Video Masked Autoencoders with Dual Masking": ("2023-03", "https://arxiv.org/abs/2303.16727", {"code": "https://github.com/OpenGVLab/VideoMAEv2"}),
        "Unmasked Teacher: Towards Training-Efficient Video Foundation Models": ("2023-03", "https://arxiv.org/abs/2303.16058", {"code": "https://github.com/OpenGVLab/unmasked_teacher"}),
        "InternVideo: General Video Foundation Models via Generative and Discriminative Learning": ("2022-12", "https://arxiv.org/abs/2212.03191", {}),
        "Frozen in Time: A Joint Video and Image Encoder for End-to-End Retrieval": ("2021-04", "https://openaccess.thecvf.com/content/ICCV2021/html/Bain_Frozen_in_Time_A_Joint_Video_and_Image_Encoder_for_End-to-End_ICCV_2021_paper.html", {}),
        "VideoChat: Chat-Centric Video Understanding": ("2023-05", "https://arxiv.org/abs/2305.06355", {"code": "https://github.com/OpenGVLab/Ask-Anything"}),
        "Video-LLaMA: An Instruction-tuned Audio-Visual Language Model for Video Understanding": ("2023-06", "https://arxiv.org/abs/2306.02858", {"code": "https://github.com/DAMO-NLP-SG/Video-LLaMA"}),
        "Video-ChatGPT: Towards Detailed Video Understanding via Large Vision and Language Models": ("2023-06", "https://arxiv.org/abs/2306.05424", {"code": "https://github.com/mbzuai-oryx/Video-ChatGPT"}),
        "Video-LLaVA: Learning United Visual Representation by Alignment Before Projection": ("2023-11", "https://arxiv.org/abs/2311.10122", {}),
        "LLaMA-VID: An Image is Worth 2 Tokens in Large Language Models": ("2023-11", "https://arxiv.org/abs/2311.17043", {}),
        "MVBench: A Comprehensive Multi-modal Video Understanding Benchmark": ("2023-11", "https://arxiv.org/abs/2311.17005", {}),
        "Valley: Video Assistant with Large Language model Enhanced abilitY": ("2023-06", "https://arxiv.org/abs/2306.07207", {}),
        "CLIP4Clip: An Empirical Study of CLIP for End to End Video Clip Retrieval": ("2021-04", "https://arxiv.org/abs/2104.08860", {}),
        "VideoCLIP: Contrastive Pre-training for Zero-shot Video-Text Understanding": ("2021-09", "https://aclanthology.org/2021.emnlp-main.544/", {}),
    },
    "group-publications": {
        "Direct Preference Optimization: Your Language Model is Secretly a Reward Model": ("2023-05", "https://arxiv.org/abs/2305.18290", {"code": "https://github.com/eric-mitchell/direct-preference-optimization", "video": "https://www.youtube.com/watch?v=XZLc09hkMwA"}),
        "DetectGPT: Zero-Shot Machine-Generated Text Detection using Probability Curvature": ("2023-01", "https://arxiv.org/abs/2301.11305", {"slides": "https://ericmitchell.ai/detectgpt-slides.pdf"}),
        "Generative Agents: Interactive Simulacra of Human Behavior": ("2023-04", "https://arxiv.org/abs/2304.03442", {"video": "https://www.youtube.com/watch?v=nKCJ3BMUy1s"}),
        "Holistic Evaluation of Language Models": ("2022-11", "https://arxiv.org/abs/2211.09110", {"homepage": "https://crfm.stanford.edu/helm/"}),
        "Lost in the Middle: How Language Models Use Long Contexts": ("2023-07", "https://arxiv.org/abs/2307.03172", {}),
        "Diffusion-LM Improves Controllable Text Generation": ("2022-05", "https://arxiv.org/abs/2205.14217", {"code": "https://github.com/XiangLi1999/Diffusion-LM"}),
        "Deep Bidirectional Language-Knowledge Graph Pretraining": ("2022-10", "https://arxiv.org/abs/2210.09338", {"code": "https://github.com/michiyasunaga/dragon"}),
        "LinkBERT: Pretraining Language Models with Document Links": ("2022", "https://aclanthology.org/2022.acl-long.551/", {"code": "https://github.com/michiyasunaga/LinkBERT"}),
        "An Explanation of In-context Learning as Implicit Bayesian Inference": ("2021-11", "https://arxiv.org/abs/2111.02080", {"video": "https://www.youtube.com/watch?v=SPHkO3bdWKk"}),
        "Fine-Tuning can Distort Pretrained Features and Underperform Out-of-Distribution": ("2022", "https://openreview.net/forum?id=UYneFzXSJWh", {}),
        "Emergent Abilities of Large Language Models": ("2022-06", "https://arxiv.org/abs/2206.07682", {}),
        "On the Opportunities and Risks of Foundation Models": ("2021-08", "https://arxiv.org/abs/2108.07258", {"homepage": "https://crfm.stanford.edu/report.html"}),
        "Prefix-Tuning: Optimizing Continuous Prompts for Generation": ("2021", "https://aclanthology.org/2021.acl-long.353/", {"code": "https://github.com/XiangLi1999/PrefixTuning", "slides": "https://xiangli1999.github.io/pdf/prefix-tuning-slides.pdf"}),
        "WILDS: A Benchmark of in-the-Wild Distribution Shifts": ("2020-12", "https://arxiv.org/abs/2012.07421", {"homepage": "https://wilds.stanford.edu/"}),
        "Distributionally Robust Neural Networks for Group Shifts: On the Importance of Regularization for Worst-Case Generalization": ("2019-11", "https://arxiv.org/abs/1911.08731", {}),
        "A Structural Probe for Finding Syntax in Word Representations": ("2019", "https://aclanthology.org/N19-1419/", {"code": "https://github.com/john-hewitt/structural-probes"}),
        "Understanding Black-box Predictions via Influence Functions": ("2017", "https://proceedings.mlr.press/v70/koh17a.html", {"slides": "https://www.cs.stanford.edu/~pangwei/influence-slides.pdf", "video": "https://www.youtube.com/watch?v=0w9fLX_T6tY"}),
    },
    "paper-notes": {
        "Denoising Diffusion Probabilistic Models": ("2020", "https://proceedings.neurips.cc/paper/2020/hash/4c5bcfec8584af0d967f1ab10179ca4b-Abstract.html", {"code": "https://github.com/hojonathanho/diffusion"}),
        "Denoising Diffusion Implicit Models": ("2020-10", "https://arxiv.org/abs/2010.02502", {"code": "https://github.com/ermongroup/ddim"}),
        "Score-Based Generative Modeling through Stochastic Differential Equations": ("2020-11", "https://arxiv.org/abs/2011.13456", {"code": "https://github.com/yang-song/score_sde"}),
        "Improved Denoising Diffusion Probabilistic Models": ("2021-02", "https://arxiv.org/abs/2102.09672", {"code": "https://github.com/openai/improved-diffusion"}),
        "Diffusion Models Beat GANs on Image Synthesis": ("2021-05", "https://arxiv.org/abs/2105.05233", {"code": "https://github.com/openai/guided-diffusion"}),
        "Elucidating the Design Space of Diffusion-Based Generative Models": ("2022-06", "https://arxiv.org/abs/2206.00364", {"code": "https://github.com/NVlabs/edm"}),
        "High-Resolution Image Synthesis with Latent Diffusion Models": ("2021-12", "https://openaccess.thecvf.com/content/CVPR2022/html/Rombach_High-Resolution_Image_Synthesis_With_Latent_Diffusion_Models_CVPR_2022_paper.html", {"code": "https://github.com/CompVis/latent-diffusion"}),
        "Photorealistic Text-to-Image Diffusion Models with Deep Language Understanding": ("2022-05", "https://arxiv.org/abs/2205.11487", {"homepage": "https://imagen.research.google/"}),
        "Scalable Diffusion Models with Transformers": ("2022-12", "https://arxiv.org/abs/2212.09748", {"code": "https://github.com/facebookresearch/DiT", "homepage": "https://www.wpeebles.com/DiT"}),
        "SDXL: Improving Latent Diffusion Models for High-Resolution Image Synthesis": ("2023-07", "https://arxiv.org/abs/2307.01952", {"code": "https://github.com/Stability-AI/generative-models"}),
        "An Image is Worth One Word: Personalizing Text-to-Image Generation using Textual Inversion": ("2022-08", "https://arxiv.org/abs/2208.01618", {"code": "https://github.com/rinongal/textual_inversion", "homepage": "https://textual-inversion.github.io/"}),
        "DreamBooth: Fine Tuning Text-to-Image Diffusion Models for Subject-Driven Generation": ("2022-08", "https://arxiv.org/abs/2208.12242", {"homepage": "https://dreambooth.github.io/"}),
        "Adding Conditional Control to Text-to-Image Diffusion Models": ("2023-02", "https://arxiv.org/abs/2302.05543", {"code": "https://github.com/lllyasviel/ControlNet"}),
        # "[NeurIPS 2021 Workshop]": the workshop came before the arXiv version (first written blind as 2022-07)
        "Classifier-Free Diffusion Guidance": ("2021", "https://arxiv.org/abs/2207.12598", {}),
        "Consistency Models": ("2023-03", "https://arxiv.org/abs/2303.01469", {"code": "https://github.com/openai/consistency_models"}),
        "Flow Matching for Generative Modeling": ("2023", "https://openreview.net/forum?id=PqvMRDCJT9t", {}),
    },
    "ref-links": {
        "An Image is Worth 16x16 Words: Transformers for Image Recognition at Scale": ("2020-10", "https://arxiv.org/abs/2010.11929", {"code": "https://github.com/google-research/vision_transformer"}),
        "Training data-efficient image transformers & distillation through attention": ("2020-12", "https://arxiv.org/abs/2012.12877", {"code": "https://github.com/facebookresearch/deit"}),
        "Swin Transformer: Hierarchical Vision Transformer using Shifted Windows": ("2021-03", "https://arxiv.org/abs/2103.14030", {"code": "https://github.com/microsoft/Swin-Transformer"}),
        "Pyramid Vision Transformer: A Versatile Backbone for Dense Prediction without Convolutions": ("2021-02", "https://arxiv.org/abs/2102.12122", {}),
        "Tokens-to-Token ViT: Training Vision Transformers from Scratch on ImageNet": ("2021-01", "https://arxiv.org/abs/2101.11986", {"code": "https://github.com/yitu-opensource/T2T-ViT"}),
        "CvT: Introducing Convolutions to Vision Transformers": ("2021-03", "https://arxiv.org/abs/2103.15808", {}),
        "Going deeper with Image Transformers": ("2021-03", "https://arxiv.org/abs/2103.17239", {"code": "https://github.com/facebookresearch/deit"}),
        "Twins: Revisiting the Design of Spatial Attention in Vision Transformers": ("2021-04", "https://arxiv.org/abs/2104.13840", {}),
        "MLP-Mixer: An all-MLP Architecture for Vision": ("2021-05", "https://arxiv.org/abs/2105.01601", {}),
        "A ConvNet for the 2020s": ("2022-01", "https://arxiv.org/abs/2201.03545", {"code": "https://github.com/facebookresearch/ConvNeXt"}),
        "MobileViT: Light-weight, General-purpose, and Mobile-friendly Vision Transformer": ("2021-10", "https://arxiv.org/abs/2110.02178", {}),
        "Emerging Properties in Self-Supervised Vision Transformers": ("2021-04", "https://arxiv.org/abs/2104.14294", {"code": "https://github.com/facebookresearch/dino"}),
        "BEiT: BERT Pre-Training of Image Transformers": ("2021-06", "https://arxiv.org/abs/2106.08254", {}),
        "Masked Autoencoders Are Scalable Vision Learners": ("2021-11", "https://arxiv.org/abs/2111.06377", {"code": "https://github.com/facebookresearch/mae"}),
        "DINOv2: Learning Robust Visual Features without Supervision": ("2023-04", "https://arxiv.org/abs/2304.07193", {"code": "https://github.com/facebookresearch/dinov2"}),
        "End-to-End Object Detection with Transformers": ("2020-05", "https://arxiv.org/abs/2005.12872", {"code": "https://github.com/facebookresearch/detr"}),
        "Deformable DETR: Deformable Transformers for End-to-End Object Detection": ("2020-10", "https://arxiv.org/abs/2010.04159", {}),
        "Segmenter: Transformer for Semantic Segmentation": ("2021-05", "https://arxiv.org/abs/2105.05633", {}),
        "SegFormer: Simple and Efficient Design for Semantic Segmentation with Transformers": ("2021-05", "https://arxiv.org/abs/2105.15203", {"code": "https://github.com/NVlabs/SegFormer"}),
        "How to train your ViT? Data, Augmentation, and Regularization in Vision Transformers": ("2021-06", "https://arxiv.org/abs/2106.10270", {}),
        "Scaling Vision Transformers": ("2021-06", "https://arxiv.org/abs/2106.04560", {}),
        "Vision Transformers Need Registers": ("2023-09", "https://arxiv.org/abs/2309.16588", {}),
    },
    "repo-readme-news": {
        "A Survey on Multimodal Large Language Models": ("2023-06", "https://arxiv.org/abs/2306.13549", {}),
        "Visual Instruction Tuning": ("2023-04", "https://arxiv.org/abs/2304.08485", {"code": "https://github.com/haotian-liu/LLaVA"}),
        "Improved Baselines with Visual Instruction Tuning": ("2023-10", "https://arxiv.org/abs/2310.03744", {"code": "https://github.com/haotian-liu/LLaVA"}),
        "MiniGPT-4: Enhancing Vision-Language Understanding with Advanced Large Language Models": ("2023-04", "https://arxiv.org/abs/2304.10592", {"code": "https://github.com/Vision-CAIR/MiniGPT-4"}),
        "mPLUG-Owl: Modularization Empowers Large Language Models with Multimodality": ("2023-04", "https://arxiv.org/abs/2304.14178", {"code": "https://github.com/X-PLUG/mPLUG-Owl"}),
        "InstructBLIP: Towards General-purpose Vision-Language Models with Instruction Tuning": ("2023-05", "https://arxiv.org/abs/2305.06500", {"code": "https://github.com/salesforce/LAVIS/tree/main/projects/instructblip"}),
        "Qwen-VL: A Versatile Vision-Language Model for Understanding, Localization, Text Reading, and Beyond": ("2023-08", "https://arxiv.org/abs/2308.12966", {"code": "https://github.com/QwenLM/Qwen-VL"}),
        "CogVLM: Visual Expert for Pretrained Language Models": ("2023-11", "https://arxiv.org/abs/2311.03079", {"code": "https://github.com/THUDM/CogVLM"}),
        "Shikra: Unleashing Multimodal LLM's Referential Dialogue Magic": ('2023-06', 'https://arxiv.org/abs/2306.15195', {'code': 'https://github.com/shikras/shikra'}),
        "Kosmos-2: Grounding Multimodal Large Language Models to the World": ("2023-06", "https://arxiv.org/abs/2306.14824", {"code": "https://github.com/microsoft/unilm/tree/master/kosmos-2"}),
        "Otter: A Multi-Modal Model with In-Context Instruction Tuning": ("2023-05", "https://arxiv.org/abs/2305.03726", {"code": "https://github.com/Luodian/Otter"}),
        "InternVL: Scaling up Vision Foundation Models and Aligning for Generic Visual-Linguistic Tasks": ("2023-12", "https://arxiv.org/abs/2312.14238", {"code": "https://github.com/OpenGVLab/InternVL"}),
        "Woodpecker: Hallucination Correction for Multimodal Large Language Models": ("2023-10", "https://arxiv.org/abs/2310.16045", {"code": "https://github.com/BradyFU/Woodpecker"}),
        "Evaluating Object Hallucination in Large Vision-Language Models": ("2023-05", "https://arxiv.org/abs/2305.10355", {"code": "https://github.com/RUCAIBox/POPE"}),
        "MME: A Comprehensive Evaluation Benchmark for Multimodal Large Language Models": ("2023-06", "https://arxiv.org/abs/2306.13394", {"code": "https://github.com/BradyFU/Awesome-Multimodal-Large-Language-Models/tree/Evaluation"}),
        "MMBench: Is Your Multi-modal Model an All-around Player?": ("2023-07", "https://arxiv.org/abs/2307.06281", {"code": "https://github.com/open-compass/MMBench"}),
        "SEED-Bench: Benchmarking Multimodal LLMs with Generative Comprehension": ("2023-07", "https://arxiv.org/abs/2307.16125", {"code": "https://github.com/AILab-CVC/SEED-Bench"}),
        "MMMU: A Massive Multi-discipline Multimodal Understanding and Reasoning Benchmark for Expert AGI": ("2023-11", "https://arxiv.org/abs/2311.16502", {"code": "https://github.com/MMMU-Benchmark/MMMU"}),
    },
    "scholar-links": {
        "Learning Representations by Back-propagating Errors": ("1986", "https://www.nature.com/articles/323533a0", {}),
        "Long Short-Term Memory": ("1997", "https://www.bioinf.jku.at/publications/older/2604.pdf", {}),
        "A Fast Learning Algorithm for Deep Belief Nets": ("2006", "https://www.cs.toronto.edu/~hinton/absps/fastnc.pdf", {}),
        "Reducing the Dimensionality of Data with Neural Networks": ("2006", "https://www.semanticscholar.org/paper/Reducing-the-Dimensionality-of-Data-with-Neural-Hinton-Salakhutdinov/46eb79e5eec8a4e2b2f5652b66441e8a4c921c3e", {}),
        "Visualizing Data using t-SNE": ("2008", "https://lvdmaaten.github.io/publications/papers/JMLR_2008.pdf", {}),
        "Gradient-Based Learning Applied to Document Recognition": ("1998", "https://citeseerx.ist.psu.edu/viewdoc/summary?doi=10.1.1.42.7665", {}),
        "ImageNet Classification with Deep Convolutional Neural Networks": ("2012", "https://www.researchgate.net/publication/267960550_ImageNet_Classification_with_Deep_Convolutional_Neural_Networks", {}),
        "Deep Residual Learning for Image Recognition": ("2016", "https://www.semanticscholar.org/paper/2c03df8b48bf3fa39054345bafabfeff15bfd11d", {"code": "https://github.com/KaimingHe/deep-residual-networks"}),
        "Understanding the difficulty of training deep feedforward neural networks": ("2010", "https://proceedings.mlr.press/v9/glorot10a/glorot10a.pdf", {}),
        "Rectified Linear Units Improve Restricted Boltzmann Machines": ("2010", "https://www.cs.toronto.edu/~fritz/absps/reluICML.pdf", {}),
        "Random Search for Hyper-Parameter Optimization": ("2012", "https://www.jmlr.org/papers/volume13/bergstra12a/bergstra12a.pdf", {}),
        "Dropout: A Simple Way to Prevent Neural Networks from Overfitting": ("2014", "https://www.cs.toronto.edu/~hinton/absps/JMLRdropout.pdf", {}),
        "Batch Normalization: Accelerating Deep Network Training by Reducing Internal Covariate Shift": ("2015", "https://proceedings.mlr.press/v37/ioffe15.html", {}),
        "Distilling the Knowledge in a Neural Network": ("2015", "https://scholar.google.com/scholar?cluster=13117231582298834426", {}),
        "Efficient Estimation of Word Representations in Vector Space": ("2013", "https://www.researchgate.net/publication/234131319_Efficient_Estimation_of_Word_Representations_in_Vector_Space", {}),
        "GloVe: Global Vectors for Word Representation": ("2014", "https://nlp.stanford.edu/pubs/glove.pdf", {"homepage": "https://nlp.stanford.edu/projects/glove/"}),
        "Sequence to Sequence Learning with Neural Networks": ("2014", "https://citeseerx.ist.psu.edu/document?repid=rep1&type=pdf&doi=cd15c8ba5cd2f1fa5e0b2df47b3bd1c0b4c8b5e0", {}),
        "Neural Machine Translation by Jointly Learning to Align and Translate": ("2015", "https://www.semanticscholar.org/paper/fa72afa9b2cbc8f0d7b05d52548906610ffbb9c5", {}),
        "Attention Is All You Need": ("2017", "https://papers.nips.cc/paper/7181-attention-is-all-you-need.pdf", {}),
    },
    "year-venue-table": {
        "CLIPSelf: Vision Transformer Distills Itself for Open-Vocabulary Dense Prediction": ("2023-10", "https://arxiv.org/abs/2310.01403", {"code": "https://github.com/wusize/CLIPSelf"}),
        "SED: A Simple Encoder-Decoder for Open-Vocabulary Semantic Segmentation": ("2023-11", "https://arxiv.org/abs/2311.15537", {"code": "https://github.com/xb534/SED"}),
        "CAT-Seg: Cost Aggregation for Open-Vocabulary Semantic Segmentation": ("2024", "https://openaccess.thecvf.com/content/CVPR2024/html/Cho_CAT-Seg_Cost_Aggregation_for_Open-Vocabulary_Semantic_Segmentation_CVPR_2024_paper.html", {"code": "https://github.com/KU-CVLAB/CAT-Seg"}),
        "YOLO-World: Real-Time Open-Vocabulary Object Detection": ("2024-01", "https://arxiv.org/abs/2401.17270", {"code": "https://github.com/AILab-CVC/YOLO-World"}),
        "Grounding DINO: Marrying DINO with Grounded Pre-Training for Open-Set Object Detection": ("2023-03", "https://arxiv.org/abs/2303.05499", {"code": "https://github.com/IDEA-Research/GroundingDINO"}),
        "Side Adapter Network for Open-Vocabulary Semantic Segmentation": ("2023-02", "https://arxiv.org/abs/2302.12242", {"code": "https://github.com/MendelXu/SAN"}),
        "Open-Vocabulary Panoptic Segmentation with Text-to-Image Diffusion Models": ("2023", "https://openaccess.thecvf.com/content/CVPR2023/html/Xu_Open-Vocabulary_Panoptic_Segmentation_With_Text-to-Image_Diffusion_Models_CVPR_2023_paper.html", {"homepage": "https://jerryxu.net/ODISE/"}),
        "Segment Anything": ("2023-04", "https://arxiv.org/abs/2304.02643", {"code": "https://github.com/facebookresearch/segment-anything", "demo": "https://segment-anything.com/demo"}),
        "Open-vocabulary Object Detection via Vision and Language Knowledge Distillation": ("2022", "https://openreview.net/forum?id=lL3lnMbR4WU", {}),
        "Grounded Language-Image Pre-training": ("2021-12", "https://arxiv.org/abs/2112.03857", {"code": "https://github.com/microsoft/GLIP"}),
        "RegionCLIP: Region-based Language-Image Pretraining": ("2022", "https://openaccess.thecvf.com/content/CVPR2022/html/Zhong_RegionCLIP_Region-Based_Language-Image_Pretraining_CVPR_2022_paper.html", {"code": "https://github.com/microsoft/RegionCLIP"}),
        "Detecting Twenty-thousand Classes using Image-level Supervision": ("2022-01", "https://arxiv.org/abs/2201.02605", {"code": "https://github.com/facebookresearch/Detic"}),
        "Visual Instruction Tuning": ("2023-04", "https://arxiv.org/abs/2304.08485", {"code": "https://github.com/haotian-liu/LLaVA"}),
        "BLIP-2: Bootstrapping Language-Image Pre-training with Frozen Image Encoders and Large Language Models": ("2023", "https://proceedings.mlr.press/v202/li23q.html", {"code": "https://github.com/salesforce/LAVIS"}),
        "Flamingo: a Visual Language Model for Few-Shot Learning": ("2022-04", "https://arxiv.org/abs/2204.14198", {}),
        "BLIP: Bootstrapping Language-Image Pre-training for Unified Vision-Language Understanding and Generation": ("2022-01", "https://arxiv.org/abs/2201.12086", {"code": "https://github.com/salesforce/BLIP"}),
        "Learning Transferable Visual Models From Natural Language Supervision": ("2021-03", "https://arxiv.org/abs/2103.00020", {"code": "https://github.com/openai/CLIP"}),
        "Scaling Up Visual and Vision-Language Representation Learning With Noisy Text Supervision": ("2021", "https://proceedings.mlr.press/v139/jia21b.html", {}),
    },
}
#: list -> title -> the short name the list gives it
NAMES = {
    "cjk-mixed": {"InternVideo: General Video Foundation Models via Generative and Discriminative Learning": "InternVideo",
                  "Frozen in Time: A Joint Video and Image Encoder for End-to-End Retrieval": "Frozen",
                  "Valley: Video Assistant with Large Language model Enhanced abilitY": "Valley",
                  "VideoCLIP: Contrastive Pre-training for Zero-shot Video-Text Understanding": "VideoCLIP"},
}
#: list -> title -> (BibTeX author field, something of the venue as generated)
AUTHORS = {
    "group-publications": {
        "Direct Preference Optimization: Your Language Model is Secretly a Reward Model": (
            "Rafael Rafailov and Archit Sharma and Eric Mitchell and Stefano Ermon and Christopher D. Manning and Chelsea Finn", "NeurIPS"),
        "A Structural Probe for Finding Syntax in Word Representations": ("John Hewitt and Christopher D. Manning", "NAACL"),
        "Understanding Black-box Predictions via Influence Functions": ("Pang Wei Koh and Percy Liang", "ICML"),
    },
    "paper-notes": {"Denoising Diffusion Implicit Models": ("Jiaming Song and Chenlin Meng and Stefano Ermon", "ICLR 2021"),
                    "Consistency Models": ("Yang Song and Prafulla Dhariwal and Mark Chen and Ilya Sutskever", "ICML 2023")},
    "bold-sub-bullets": {"ReAct: Synergizing Reasoning and Acting in Language Models": (
        "Shunyu Yao and Jeffrey Zhao and Dian Yu and Nan Du and Izhak Shafran and Karthik Narasimhan and Yuan Cao", "ICLR 2023")},
    "scholar-links": {"Long Short-Term Memory": ("Sepp Hochreiter and Jürgen Schmidhuber", "1997"),
                      "Visualizing Data using t-SNE": ("Laurens van der Maaten and Geoffrey Hinton", "2008")},
    "year-venue-table": {"CAT-Seg: Cost Aggregation for Open-Vocabulary Semantic Segmentation": ("", "CVPR"),
                         "Scaling Up Visual and Vision-Language Representation Learning With Noisy Text Supervision": ("", "ICML")},
}


def test_eight_blind_lists() -> None:
    assert {path.stem for path in LISTS} == set(COUNTS) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_every_paper_its_own_dated_page(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_every_paper_its_own_dated_page(shelves[name], COUNTS[name])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_titles_dates_and_links(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_titles_dates_and_links(shelves[name], EXPECTED[name])
    assert set(by_title(shelves[name])) == set(EXPECTED[name])


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_titles_and_names_a_reader_accepts(shelves: dict[str, dict[str, object]], name: str) -> None:
    for title, page in by_title(shelves[name]).items():
        assert not re.search(r"\((?:[A-Za-z]+\s*)?(?:19|20)\d{2}\)$|\[\[|\]\]|\u2014|\. In [A-Z]|【|\*|<sup>", title), title
        assert not is_label(title) and clean_title(title).text == title, title
        assert not re.search(r"\((?:\d{4}(?:\s+\d+)?|\d+)\)\s*$", str(page["short_name"])), page["short_name"]
        assert not VENUE_YEAR.match(str(page["short_name"])), (title, page["short_name"])  # "ICLR 2024 Oral" says where, not what
    for title, short in NAMES.get(name, {}).items():
        assert by_title(shelves[name])[title]["short_name"] == short


@pytest.mark.parametrize("name", sorted(AUTHORS))
def test_authors_and_venue_reach_the_generated_entry(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_generated_entries(shelves[name], AUTHORS[name])


@pytest.mark.parametrize("name", sorted(COUNTS))
def test_no_importer_warning_a_clean_build_idempotent_and_round_trip(shelves: dict[str, dict[str, object]], name: str) -> None:
    assert_clean_import(shelves[name])
    assert_round_trip_keeps_links(shelves[name])


def test_a_links_column_and_blank_cells() -> None:
    from papershelf.formats.lists import awesome

    # a Links column holding the title links is the title column; one of labels only is links, not a fact
    [titled] = awesome.parse_awesome("## T\n\n| Venue | Links |\n|---|---|\n| CVPR 2023 | [Owl Planning with Language Models](https://arxiv.org/abs/2301.00001) [code](https://github.com/a/b) |\n", "x.md").items
    assert (titled.title, titled.venue, [link.kind for link in titled.links]) == ("Owl Planning with Language Models", "CVPR 2023", ["paper", "code"])
    [labelled] = awesome.parse_awesome("## T\n\n| Title | Links |\n|---|---|\n| Owl Planning with Language Models | [[paper]](https://arxiv.org/abs/2301.00001) [[code]](https://github.com/a/b) |\n", "x.md").items
    assert [link.kind for link in labelled.links] == ["paper", "code"] and not labelled.facts
    # a blank Venue is the row above's only when the row's Year is blank too: "| 2023 | | Title |" is a paper without a venue
    rows = "| Year | Venue | Title | Links |\n|---|---|---|---|\n| 2022 | ICML'22 | Owl One Learns to Fly | [[paper]](https://openreview.net/forum?id=a1) |\n"
    rows += "| | | Owl Two Learns to Land | [[paper]](https://openreview.net/forum?id=a2) |\n| 2023 | | Owl Three Learns to Hunt | [[paper]](https://openreview.net/forum?id=a3) |\n"
    one, two, three = awesome.parse_awesome("## T\n\n" + rows, "x.md").items
    # a venue cell's two-digit year is written out, as a bullet's "(ICML'22)" is (wild6)
    assert [(item.date, item.venue) for item in (one, two, three)] == [("2022", "ICML 2022"), ("2022", "ICML 2022"), ("2023", "")]
